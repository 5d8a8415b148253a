package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.notify.Purpose;
import io.hallq.controller.notify.SmppNotificationsIT;
import io.hallq.controller.notify.SmsCentre;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public booking API over HTTP with a real SMPP centre: the verification code goes out through the notification
 * module's SMS channel, only the SMS centre ever sees it and the clear number, and the limits hold.
 */
class AppointmentRoutesIT {

    static final String PHONE = "13812345678";
    private static final Pattern CODE = Pattern.compile("验证码 ([0-9]{6})");

    @TempDir
    Path dir;

    static String yaml(int smsPort) {
        String hash = PasswordHash.hash(WebTestHall.PASSWORD.toCharArray(), 1_000);
        return SmppNotificationsIT.yaml(smsPort, "") + """
                web:
                  bind: 127.0.0.1
                  port: 0
                  users:
                    - {name: manager, role: MANAGER, passwordHash: "%s"}
                    - {name: kiosk, role: KIOSK, passwordHash: "%s"}
                """.formatted(hash, hash);
    }

    /** A hall with notifications over a real SMPP centre and the booking routes; closes both. */
    static final class Hall implements AutoCloseable {
        final SmsCentre centre;
        final HallRuntime rt;
        final WebModule web;

        Hall(Path dir) throws Exception {
            int port = SmsCentre.freePort();
            centre = new SmsCentre(port, "hallq", "secret");
            NotifyModule notify = new NotifyModule();
            web = new WebModule(List.of(new NotifyRoutes(notify), new AppointmentRoutes(notify)));
            rt = HallRuntime.start(SmppNotificationsIT.loaded(dir, yaml(port)),
                    TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(notify, web));
        }

        ApiClient phone() {
            return new ApiClient("http://127.0.0.1:" + web.port());
        }

        /** The code the SMS centre received for {@code phone} as message number {@code n} (1-based). */
        String code(String phone, int n) throws InterruptedException {
            SmppNotificationsIT.await(() -> centre.inbox.stream().filter(m -> m.to().equals(phone)).count() >= n,
                    "SMS number " + n + " to the customer");
            String text = centre.inbox.stream().filter(m -> m.to().equals(phone)).skip(n - 1).findFirst().orElseThrow()
                    .text();
            Matcher m = CODE.matcher(text);
            assertTrue(m.find(), text);
            return m.group(1);
        }

        /** A verified customer's client: the token in the X-Customer-Token header. */
        ApiClient verified(String phone, int n) throws InterruptedException {
            ApiClient c = phone();
            assertEquals(202, c.post("/api/public/codes", "{\"phone\":\"" + phone + "\"}").status());
            ApiClient.Response ok = c.post("/api/public/sessions", "{\"phone\":\"" + phone + "\",\"code\":\""
                    + code(phone, n) + "\"}");
            assertEquals(200, ok.status(), ok.toString());
            c.header(AppointmentRoutes.TOKEN_HEADER, ok.text("customerToken"));
            return c;
        }

        @Override
        public void close() {
            rt.close();
            centre.close();
        }
    }

    @Test
    void aCodeGoesOutBySms_confirmsThePhone_andNeitherCodeNorNumberIsJournaled() throws Exception {
        try (Hall hall = new Hall(dir)) {
            ApiClient page = hall.phone();
            ApiClient.Response sent = page.post("/api/public/codes", "{\"phone\":\"" + PHONE + "\"}");
            assertEquals(202, sent.status(), sent.toString());
            assertEquals("138****5678", sent.text("phoneMasked"));
            String code = hall.code(PHONE, 1);
            String sms = hall.centre.inbox.get(0).text();
            assertTrue(sms.contains("分钟内有效") && sms.contains("your code is " + code), sms);

            String wrong = code.equals("000000") ? "111111" : "000000";
            ApiClient.Response bad = page.post("/api/public/sessions", "{\"phone\":\"" + PHONE + "\",\"code\":\"" + wrong + "\"}");
            assertEquals(403, bad.status());
            assertEquals("WRONG_CODE", bad.text("error"));
            ApiClient.Response ok = page.post("/api/public/sessions", "{\"phone\":\"" + PHONE + "\",\"code\":\"" + code + "\"}");
            assertEquals(200, ok.status(), ok.toString());
            assertEquals("138****5678", ok.text("phoneMasked"));
            assertTrue(ok.text("customerToken").matches("[A-Za-z0-9_-]{22}"));

            ApiClient.Response again = page.post("/api/public/codes", "{\"phone\":\"" + PHONE + "\"}");
            assertEquals(429, again.status(), "one code a minute per number");
            assertTrue(again.header("Retry-After").isPresent());

            // journaled: masked number, the code left out; and the message's fate
            SmppNotificationsIT.await(() -> events(hall.rt).stream().anyMatch(HallEvent.NotificationSent.class::isInstance),
                    "NotificationSent");
            HallEvent.NotificationRequested r = events(hall.rt).stream()
                    .filter(HallEvent.NotificationRequested.class::isInstance).map(HallEvent.NotificationRequested.class::cast)
                    .filter(n -> n.purpose().equals(Purpose.VERIFICATION)).findFirst().orElseThrow();
            assertEquals("138****5678", r.to());
            assertFalse(r.text().contains(code), r.text());
            assertTrue(r.text().contains("******"), r.text());
            assertNowhere(hall.rt, PHONE);
            assertNowhere(hall.rt, "验证码 " + code);
        }
    }

    @Test
    void aCodeIsVoidAfterFiveWrongTries() throws Exception {
        try (Hall hall = new Hall(dir)) {
            ApiClient page = hall.phone();
            assertEquals(202, page.post("/api/public/codes", "{\"phone\":\"" + PHONE + "\"}").status());
            String code = hall.code(PHONE, 1);
            String wrong = code.equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 4; i++) {
                assertEquals(403, page.post("/api/public/sessions", "{\"phone\":\"" + PHONE + "\",\"code\":\"" + wrong + "\"}").status());
            }
            ApiClient.Response fifth = page.post("/api/public/sessions", "{\"phone\":\"" + PHONE + "\",\"code\":\"" + wrong + "\"}");
            assertEquals(429, fifth.status());
            assertEquals("TOO_MANY_TRIES", fifth.text("error"));
            ApiClient.Response right = page.post("/api/public/sessions", "{\"phone\":\"" + PHONE + "\",\"code\":\"" + code + "\"}");
            assertEquals(403, right.status());
            assertEquals("NO_CODE", right.text("error"));
        }
    }

    static List<HallEvent> events(HallRuntime rt) {
        return rt.hall().eventsAfter(0, 100_000).stream().map(JournaledEvent::event).toList();
    }

    /** {@code text} is in no journaled event and no file of the hall's data folder. */
    static void assertNowhere(HallRuntime rt, String text) throws Exception {
        for (JournaledEvent e : rt.hall().eventsAfter(0, 100_000)) {
            assertFalse(new String(EventCodec.encode(e.event()), StandardCharsets.UTF_8).contains(text), e.toString());
        }
        Path dataDir = Path.of(rt.hall().config().journal().dataDir()).getParent();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                assertFalse(content.contains(text), "'" + text + "' in " + f);
            }
        }
    }

    static Map<String, String> json(String k, String v) {
        return Map.of(k, v);
    }
}
