package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallq.controller.Await;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notification module against a real SMPP server in process (jSMPP's server side as the SMS centre). */
public class SmppNotificationsIT {

    public static final String CUSTOMER = "13812345678";
    public static final String DUTY = "13900000001";
    public static final String AREA = "13900000002";

    @TempDir
    Path dir;

    public static String yaml(int port, String extra) {
        return """
                notify:
                  sms:
                    host: 127.0.0.1
                    port: %d
                    systemId: hallq
                    password: secret
                    sourceAddress: "10086"
                    ratePerSecond: 50
                    reconnect: {min: PT0.1S, max: PT0.2S}
                    retryEvery: PT0.2S
                  reminders:
                    ahead: 2
                  staff:
                    escalateAfter: 10m
                    contacts:
                      - {id: duty-manager, phone: "%s", tier: 0, language: zh}
                      - {id: area-manager, phone: "%s", tier: 1, language: en}
                %s""".formatted(port, DUTY, AREA, extra);
    }

    public static LoadedConfig loaded(Path dir, String yaml) throws Exception {
        return new LoadedConfig(TestHalls.small(dir.resolve("journal")),
                new ObjectMapper(new YAMLFactory()).readTree(yaml), dir.resolve("hall.yaml"));
    }

    public static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        Await.until(what, Duration.ofSeconds(30), condition);
    }

    static List<HallEvent> events(HallRuntime rt) {
        return rt.hall().eventsAfter(0, 100_000).stream().map(JournaledEvent::event).toList();
    }

    static <T> List<T> of(HallRuntime rt, Class<T> type) {
        return events(rt).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aCustomerWithANumber_getsAChineseSmsWhenTwoAreAhead_andItsReceiptIsJournaled() throws Exception {
        int port = SmsCentre.freePort();
        try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
            NotifyModule notify = new NotifyModule();
            try (HallRuntime rt = HallRuntime.start(loaded(dir, yaml(port, "")),
                    TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(notify))) {
                for (int i = 0; i < 4; i++) {
                    rt.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
                }
                notify.keepPhone("tok-1", PhoneNumber.parse(CUSTOMER));
                rt.hall().submit(new Command.IssueTicket("PAY", null, "138****5678", "tok-1")).join();
                assertTrue(centre.inbox.isEmpty(), "4 ahead: no reminder yet");
                rt.hall().submit(new Command.CallNext(3)).join();
                rt.hall().submit(new Command.CallNext(2)).join();
                await(() -> !of(rt, HallEvent.NotificationDelivered.class).isEmpty(), "the delivery receipt");

                assertEquals(1, centre.inbox.size(), centre.inbox.toString());
                SmsCentre.Received sms = centre.inbox.get(0);
                assertEquals(CUSTOMER, sms.to());
                assertEquals(SmsParts.UCS2, sms.dataCoding());
                assertTrue(sms.text().contains("E005") && sms.text().contains("还有2人"), sms.text());
                HallEvent.NotificationRequested req = of(rt, HallEvent.NotificationRequested.class).get(0);
                assertEquals("138****5678", req.to());
                assertEquals(Purpose.AHEAD, req.purpose());
                assertEquals(1, of(rt, HallEvent.NotificationSent.class).size());
                assertClearNumberNowhere(rt, CUSTOMER);
            }
        }
    }

    @Test
    void aLongEnglishTemplate_arrivesWhole_inConcatenatedParts() throws Exception {
        int port = SmsCentre.freePort();
        String extra = """
                  templates:
                    en:
                      reminder-ahead: "%s {ticket} ahead {ahead}"
                """.formatted("Please come back to the hall, your turn is near. ".repeat(5));
        try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
            NotifyModule notify = new NotifyModule();
            String y = yaml(port, extra).replace("    ahead: 2", "    ahead: 2\n    language: en");
            try (HallRuntime rt = HallRuntime.start(loaded(dir, y), TestHalls.runningFrom(TestHalls.MONDAY_10AM),
                    List.of(notify))) {
                notify.keepPhone("tok-2", PhoneNumber.parse(CUSTOMER));
                rt.hall().submit(new Command.IssueTicket("PAY", null, "138****5678", "tok-2")).join();
                await(() -> of(rt, HallEvent.NotificationDelivered.class).size() == 2,
                        () -> "receipts of both parts: " + events(rt) + " inbox " + centre.inbox);
                assertEquals(1, centre.inbox.size());
                SmsCentre.Received sms = centre.inbox.get(0);
                assertEquals(2, sms.parts());
                assertEquals(SmsParts.DEFAULT_ALPHABET, sms.dataCoding());
                assertTrue(sms.text().endsWith("E001 ahead 0"), sms.text());
                assertEquals(2, of(rt, HallEvent.NotificationSent.class).get(0).messageIds().size());
            }
        }
    }

    @Test
    void aDeviceFault_alertsTheDutyManager_andTheAreaManagerWhenStillUnresolvedAfterEscalateAfter()
            throws Exception {
        int port = SmsCentre.freePort();
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
            NotifyModule notify = new NotifyModule(s -> s, clock);
            try (HallRuntime rt = HallRuntime.start(loaded(dir, yaml(port, "")), clock, List.of(notify))) {
                rt.hall().submit(new Command.DeviceFault("printer", "打印机缺纸", "Printer out of paper")).join();
                await(() -> centre.inbox.size() == 1, "the duty manager's SMS");
                assertEquals(DUTY, centre.inbox.get(0).to());
                assertTrue(centre.inbox.get(0).text().contains("打印机缺纸"), centre.inbox.get(0).text());

                clock.advance(Duration.ofMinutes(9));
                notify.wake();
                rt.hall().submit(new Command.Tick()).join();
                await(() -> notify.snapshot().lines().stream().allMatch(l -> !l.state().equals("PENDING")), "round");
                assertEquals(1, centre.inbox.size(), "not yet 10 minutes: no escalation");

                clock.advance(Duration.ofMinutes(2));
                notify.wake();
                await(() -> centre.inbox.size() == 2, "the area manager's SMS");
                assertEquals(AREA, centre.inbox.get(1).to());
                assertTrue(centre.inbox.get(1).text().contains("escalated, tier 1"), centre.inbox.get(1).text());

                rt.hall().submit(new Command.DeviceRecovered("printer")).join();
                clock.advance(Duration.ofHours(1));
                notify.wake();
                rt.hall().submit(new Command.Tick()).join();
                await(() -> notify.snapshot().pending() == 0, "round");
                assertEquals(2, centre.inbox.size(), "no tier beyond the top one, nothing after recovery");
                List<HallEvent.NotificationRequested> reqs = of(rt, HallEvent.NotificationRequested.class);
                assertEquals(List.of("duty-manager", "area-manager"),
                        reqs.stream().map(HallEvent.NotificationRequested::to).toList());
                assertClearNumberNowhere(rt, DUTY);
            }
        }
    }

    @Test
    void aCentreThatIsDown_getsTheMessageOnceItIsBack_andNothingIsSentTwice() throws Exception {
        int port = SmsCentre.freePort();
        NotifyModule notify = new NotifyModule();
        try (HallRuntime rt = HallRuntime.start(loaded(dir, yaml(port, "")),
                TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(notify))) {
            rt.hall().submit(new Command.DeviceFault("printer", "打印机缺纸", "Printer out of paper")).join();
            await(() -> !of(rt, HallEvent.NotificationRequested.class).isEmpty(), "the request");
            assertTrue(of(rt, HallEvent.NotificationSent.class).isEmpty());
            try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
                await(() -> !of(rt, HallEvent.NotificationDelivered.class).isEmpty(), "delivery after the outage");
                assertEquals(1, centre.inbox.size());
                assertEquals(1, of(rt, HallEvent.NotificationSent.class).size());
            }
        }
    }

    @Test
    void wrongCredentials_areRetried_andNothingIsLost() throws Exception {
        int port = SmsCentre.freePort();
        try (SmsCentre centre = new SmsCentre(port, "hallq", "other")) {
            NotifyModule notify = new NotifyModule();
            try (HallRuntime rt = HallRuntime.start(loaded(dir, yaml(port, "")),
                    TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(notify))) {
                rt.hall().submit(new Command.DeviceFault("printer", "打印机缺纸", "Printer out of paper")).join();
                await(() -> !of(rt, HallEvent.NotificationRequested.class).isEmpty(), "the request");
                await(() -> notify.snapshot().pending() == 1, "the request pending in the manager's view");
                assertTrue(centre.inbox.isEmpty());
                assertTrue(of(rt, HallEvent.NotificationSent.class).isEmpty(), "nothing sent while the bind is refused");
            }
        }
    }

    /** The clear number is in no journal file, and the vault file holds it only encrypted. */
    static void assertClearNumberNowhere(HallRuntime rt, String phone) throws Exception {
        for (JournaledEvent e : rt.hall().eventsAfter(0, 100_000)) {
            assertFalse(new String(io.hallq.protocol.EventCodec.encode(e.event()), StandardCharsets.UTF_8).contains(phone), e.toString());
        }
        Path dataDir = Path.of(rt.hall().config().journal().dataDir()).getParent();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(phone), "clear number in " + f);
            }
        }
    }
}
