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
    static final String OTHER = "13912345678";
    /** OPEN and PAY take bookings and remote tickets; 30-minute slots; today and 7 days ahead; one per phone a day. */
    static final io.hallq.controller.config.AppointmentsConfig RULES = new io.hallq.controller.config.AppointmentsConfig(
            true, true, List.of("OPEN", "PAY"), 0.5, java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(15),
            java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(30), 7, 1);
    private final ApiContract contract = ApiContract.load();

    /** {@code r} as the contract says (its declared schema, or the Error schema for a refusal). */
    private ApiClient.Response conforms(String method, String path, ApiClient.Response r) {
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        var schema = contract.responseSchema(io.vertx.core.http.HttpMethod.valueOf(method), plain, r.status());
        if (schema == null && r.status() >= 400) {
            schema = contract.responseSchema(io.vertx.core.http.HttpMethod.GET, "/api/session", 401);
        }
        org.junit.jupiter.api.Assertions.assertNotNull(schema, method + " " + path + " answered " + r.status()
                + ", which the contract does not declare");
        assertEquals("", ApiContract.problems(schema, r.body()), method + " " + path + " -> " + r);
        return r;
    }
    private static final Pattern CODE = Pattern.compile("验证码 ([0-9]{6})");

    @TempDir
    Path dir;

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
            var loaded = SmppNotificationsIT.loaded(dir, WebTestHall.smppHallYaml(port, "kiosk", "KIOSK", ""));
            var config = loaded.config().withAppointments(RULES);
            rt = HallRuntime.start(new io.hallq.controller.config.LoadedConfig(config, loaded.root(), loaded.file()),
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

    @Test
    void aConfirmedPhone_booksASlot_listsIt_cancelsIt_andTheManagerSeesTheSlot() throws Exception {
        try (Hall hall = new Hall(dir)) {
            ApiClient anyone = hall.phone();
            ApiClient.Response h = conforms("GET", "/api/public/hall", anyone.get("/api/public/hall"));
            assertEquals("2026-11-23", h.body().path("bookingDays").get(0).asText());
            assertTrue(h.body().toString().contains("\"code\":\"OPEN\""), h.toString());
            ApiClient.Response slots = conforms("GET", "/api/public/slots?service=OPEN&day=2026-11-23",
                    anyone.get("/api/public/slots?service=OPEN&day=2026-11-23"));
            String start = null;
            for (var slot : slots.body().path("slots")) {
                if (slot.path("left").asInt() > 0) {
                    start = slot.path("start").asText();
                    break;
                }
            }
            assertTrue(start != null, "a slot with room today: " + slots);
            assertEquals(401, conforms("POST", "/api/public/bookings", anyone.post("/api/public/bookings",
                    "{\"service\":\"OPEN\",\"start\":\"" + start + "\"}")).status(), "not without a confirmed phone");

            ApiClient me = hall.verified(PHONE, 1);
            ApiClient.Response booked = conforms("POST", "/api/public/bookings", me.post("/api/public/bookings",
                    "{\"service\":\"OPEN\",\"start\":\"" + start + "\"}"));
            assertEquals(200, booked.status(), booked.toString());
            assertEquals("BOOKED", booked.text("status"));
            assertEquals("138****5678", booked.text("phoneMasked"));
            String id = booked.text("id");
            ApiClient.Response again = conforms("POST", "/api/public/bookings", me.post("/api/public/bookings",
                    "{\"service\":\"OPEN\",\"start\":\"" + start + "\"}"));
            assertEquals(409, again.status(), "one booking per phone a day: " + again);

            ApiClient.Response mine = conforms("GET", "/api/public/bookings", me.get("/api/public/bookings"));
            assertEquals(id, mine.body().path("bookings").get(0).path("id").asText());
            assertFalse(mine.body().toString().contains(PHONE), mine.toString());

            ApiClient other = hall.verified(OTHER, 1);
            ApiClient.Response notHers = conforms("DELETE", "/api/public/bookings/" + id,
                    other.delete("/api/public/bookings/" + id));
            assertEquals(404, notHers.status(), "another phone's booking is as if it did not exist");
            assertEquals(0, other.get("/api/public/bookings").body().path("bookings").size());

            ApiClient manager = hall.phone();
            manager.login("manager");
            ApiClient.Response day = conforms("GET", "/api/bookings", manager.get("/api/bookings"));
            String slotRow = day.body().toString();
            assertTrue(slotRow.contains(id) && slotRow.contains("138****5678"), slotRow);
            assertFalse(slotRow.contains(PHONE), slotRow);
            assertEquals(401, conforms("GET", "/api/bookings", hall.phone().get("/api/bookings")).status(),
                    "no login, no bookings");

            ApiClient.Response cancelled = conforms("DELETE", "/api/public/bookings/" + id,
                    me.delete("/api/public/bookings/" + id));
            assertEquals(200, cancelled.status(), cancelled.toString());
            assertEquals("CANCELLED", cancelled.text("status"));
            var after = me.get("/api/public/bookings").body().path("bookings").get(0);
            assertEquals("CANCELLED", after.path("status").asText());
            assertFalse(after.path("cancellable").asBoolean());
            assertEquals(409, conforms("DELETE", "/api/public/bookings/" + id, me.delete("/api/public/bookings/" + id))
                    .status(), "a cancelled booking cannot be cancelled again");
            assertNowhere(hall.rt, PHONE);
        }
    }

    @Test
    void aConfirmedPhone_joinsTheQueueOnce_andItsMobilePageAsksForTheCheckIn() throws Exception {
        try (Hall hall = new Hall(dir)) {
            ApiClient me = hall.verified(PHONE, 1);
            ApiClient.Response joined = conforms("POST", "/api/public/remote", me.post("/api/public/remote",
                    "{\"service\":\"PAY\"}"));
            assertEquals(200, joined.status(), joined.toString());
            assertFalse(joined.body().path("checkedIn").asBoolean());
            assertTrue(joined.body().path("smsReminder").asBoolean(), joined.toString());
            // away from the hall, the customer is texted when the turn is near (nobody ahead here: at once)
            SmppNotificationsIT.await(() -> hall.centre.inbox.stream().anyMatch(m -> m.to().equals(PHONE)
                    && m.text().contains(joined.text("ticket"))), "the remote ticket's reminder to the verified phone");
            String url = joined.text("mobileUrl");
            String token = url.substring(url.lastIndexOf('/') + 1);
            ApiClient.Response second = conforms("POST", "/api/public/remote", me.post("/api/public/remote",
                    "{\"service\":\"OPEN\"}"));
            assertEquals(409, second.status());
            assertEquals("REMOTE_TICKET_HELD", second.text("error"));
            ApiClient.Response page = conforms("GET", "/api/mobile/" + token, hall.phone().get("/api/mobile/" + token));
            assertEquals(joined.text("ticket"), page.text("ticket"));
            assertFalse(page.body().path("checkedIn").asBoolean(), page.toString());
            ApiClient.Response mine = conforms("GET", "/api/public/bookings", me.get("/api/public/bookings"));
            assertEquals(joined.text("ticket"), mine.body().path("remote").path("ticket").asText());

            // the customer types the number at the dispenser: the ticket checks in, and its page says so
            String hash = io.hallq.controller.appointments.PhoneHasher.of(hall.rt.hall().config()).hash(PHONE);
            var outcome = hall.rt.hall().submit(new io.hallq.controller.queue.Command.CheckIn("PAY", null,
                    "138****5678", hash, io.hallq.controller.web.Access.newToken(), false, false)).join();
            assertTrue(outcome.result().accepted(), outcome.toString());
            JsonNodeWait.until(() -> hall.phone().get("/api/mobile/" + token).body().path("checkedIn").asBoolean(),
                    "the mobile page says checked in");
        }
    }

    @Test
    void changes_areLimitedPerPhone() throws Exception {
        try (Hall hall = new Hall(dir)) {
            ApiClient me = hall.verified(PHONE, 1);
            int limited = 0;
            for (int i = 0; i < 11; i++) {
                ApiClient.Response r = me.delete("/api/public/bookings/B999999");
                if (r.status() == 429) {
                    limited++;
                    assertEquals("RATE_LIMITED", r.text("error"));
                    assertTrue(r.header("Retry-After").isPresent());
                } else {
                    assertEquals(404, r.status(), r.toString());
                }
            }
            assertEquals(1, limited, "10 changes an hour per phone, the 11th is refused");
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

    /** Waits for a condition (the pages' view follows the journal a moment later). */
    static final class JsonNodeWait {
        static void until(java.util.function.BooleanSupplier ok, String what) throws InterruptedException {
            SmppNotificationsIT.await(ok, what);
        }
    }
}
