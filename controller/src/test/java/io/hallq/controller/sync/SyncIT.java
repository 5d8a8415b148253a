package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.HallOnline;
import io.hallq.protocol.mqtt.HallStatus;
import io.hallq.protocol.mqtt.Topics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hall side against a real Mosquitto: outages, restarts, commands, liveness, status. */
class SyncIT extends BrokerAndHall<SyncHalls.Running> {

    private CentralRecorder central;

    @AfterEach
    void closeCentral() {
        if (central != null) {
            central.close();
        }
    }

    /** The board notice showing now, as the hall journaled it. */
    private java.util.Optional<HallEvent.NoticePosted> notice() {
        return hall.runtime().hall().query(s -> s.notice(clock.instant())).join();
    }

    private SyncHalls.Running startHall(String id) {
        return syncHall(id);
    }

    private static void issue(HallController h, int n) {
        CompletableFuture<?> last = null;
        for (int i = 0; i < n; i++) {
            last = h.submit(Command.IssueTicket.walkIn(i % 2 == 0 ? "PAY" : "OPEN"));
        }
        if (last != null) {
            last.join();
        }
    }

    /** Central's deduplicated stream equals the journal: every event once, in order, with its sequence. */
    private void assertCentralHasJournal(String id, HallController h) {
        long last = h.lastSequence();
        assertTrue(CentralRecorder.await(() -> central.lastSeq(id) == last, 30_000),
                "central reached #" + central.lastSeq(id) + " of #" + last + (hall == null ? ""
                        : "; the hall is " + (hall.mqtt().connected() ? "" : "not ") + "connected, the broker"
                        + " acknowledged up to #" + hall.mqtt().publishedSequence()));
        assertEquals(List.of(), central.problems());
        List<EventMessage> got = central.events(id);
        List<JournaledEvent> journal = h.eventsAfter(0, Integer.MAX_VALUE);
        assertEquals(journal.size(), got.size());
        for (int i = 0; i < journal.size(); i++) {
            assertEquals(journal.get(i).sequence(), got.get(i).seq());
            assertEquals(Outbox.scrub(journal.get(i).event()), got.get(i).event());
        }
    }

    @Test
    void brokerDownAtStart_hallKeepsWorking_andEveryEventArrivesInOrderOnceItIsUp() {
        startBroker();
        central = new CentralRecorder(broker.uri(), "central-1");
        broker.stop();
        hall = startHall("hall-a");
        issue(hall.runtime().hall(), 50);
        assertFalse(hall.mqtt().connected());
        broker.start();
        assertCentralHasJournal("hall-a", hall.runtime().hall());
    }

    @Test
    void brokerDownMidBurst_noEventIsLostOrReordered() {
        startBroker();
        central = new CentralRecorder(broker.uri(), "central-1");
        hall = startHall("hall-a");
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        HallController h = hall.runtime().hall();
        long before = h.lastSequence();
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> issue(h, 600));
        Await.until("the burst is under way", () -> h.lastSequence() >= before + 50);
        broker.stop();
        burst.join();
        issue(h, 100);
        broker.start();
        issue(h, 100);
        assertCentralHasJournal("hall-a", h);
    }

    @Test
    void restartDuringOutage_resumesFromTheSavedCursor_withoutGaps() {
        startBroker();
        central = new CentralRecorder(broker.uri(), "central-1");
        hall = startHall("hall-a");
        issue(hall.runtime().hall(), 30);
        assertTrue(CentralRecorder.await(() -> central.lastSeq("hall-a") == hall.runtime().hall().lastSequence(),
                10_000));
        broker.stop();
        issue(hall.runtime().hall(), 40);
        hall.close();
        hall = startHall("hall-a");
        issue(hall.runtime().hall(), 20);
        broker.start();
        assertCentralHasJournal("hall-a", hall.runtime().hall());
    }

    @Test
    void commands_malformedOrUnauthorised_areRejectedWithAReason_andChangeNothing() {
        startBroker();
        hall = startHall("hall-a");
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        HallController h = hall.runtime().hall();
        issue(h, 1);
        long before = h.lastSequence();
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock);
             CommandClient stranger = new CommandClient(broker.uri(), "stranger", clock)) {
            CommandResponse bad = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"SetService\",\"enabled\":false}}");
            assertFalse(bad.accepted());
            assertEquals("MALFORMED", bad.reason());
            assertTrue(bad.message().contains("command.service"), bad.message());

            CommandResponse notJson = central.send("hall-a", "switch off PAY please");
            assertEquals("MALFORMED", notJson.reason());

            String off = "{\"v\":1,\"command\":{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,"
                    + "\"messageZh\":\"暂停\",\"messageEn\":\"Paused\"}}";
            CommandResponse denied = stranger.send("hall-a", off);
            assertEquals("NOT_ALLOWED", denied.reason());
            assertTrue(denied.message().contains("stranger"), denied.message());

            CommandResponse unknown = central.send("hall-a", off.replace("PAY", "NOPE"));
            assertEquals("UNKNOWN_SERVICE", unknown.reason());

            assertEquals(before, h.lastSequence(), "a rejected command must not change the hall");
            assertTrue(h.query(s -> s.serviceState("PAY") == null || s.serviceState("PAY").enabled()).join());

            CommandResponse ok = central.send("hall-a", off);
            assertTrue(ok.accepted(), ok.message());
            assertFalse(h.query(s -> s.serviceState("PAY").enabled()).join());
            assertEquals("ALREADY_IN_STATE", central.send("hall-a", off).reason());
        }
    }

    @Test
    void setCounterProfile_command_changesWhatTheCounterTakes_orIsRejectedWithTheEnginesReason() {
        startBroker();
        hall = startHall("hall-a");
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        HallController h = hall.runtime().hall();
        issue(h, 1);
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            long before = h.lastSequence();
            CommandResponse unknown = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"SetCounterProfile\","
                    + "\"counter\":3,\"profile\":[{\"service\":\"NOPE\"}]}}");
            assertFalse(unknown.accepted());
            assertEquals("UNKNOWN_SERVICE", unknown.reason(), unknown.message());
            assertEquals(before, h.lastSequence(), "a rejected command must not change the hall");

            CommandResponse ok = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"SetCounterProfile\","
                    + "\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"weightSeconds\":600}]}}");
            assertTrue(ok.accepted(), ok.message());
            assertEquals(java.util.List.of("OPEN"), h.query(s -> s.counter(3).profile().stream()
                    .map(e -> e.service()).toList()).join());
        }
    }

    @Test
    void noticeAndStats_commands_showUpInStatusAndResponse() {
        startBroker();
        hall = startHall("hall-a");
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        issue(hall.runtime().hall(), 5);
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            CommandResponse r = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"BroadcastNotice\","
                    + "\"textZh\":\"16点后暂停开户\",\"textEn\":\"No new accounts after 16:00\",\"durationSeconds\":600}}");
            assertTrue(r.accepted(), r.message());
            assertTrue(CentralRecorder.await(() -> notice().isPresent(), 5_000));
            assertEquals("No new accounts after 16:00", notice().orElseThrow().textEn());
            HallStatus st = Retained.await(broker.uri(), Topics.status("hall-a"), HallStatus.class,
                    s -> s.notice() != null);
            assertEquals("central", st.notice().issuer());
            assertEquals(5, st.services().get("PAY").waiting() + st.services().get("OPEN").waiting());

            CommandResponse stats = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"RequestStats\"}}");
            assertTrue(stats.accepted());
            assertEquals(3, arrivals(stats.stats(), "PAY"));
            assertEquals(2, arrivals(stats.stats(), "OPEN"));
            assertFalse(stats.stats().closed());
            HallController h = hall.runtime().hall();
            assertEquals(io.hallq.controller.stats.HallStatistics.ofDay(h, h.currentDay().orElseThrow()).orElseThrow(),
                    stats.stats().statistics(), "RequestStats answers with the journal's statistics of the day so far");
        }
        clock.advance(java.time.Duration.ofMinutes(11));
        assertTrue(notice().isEmpty(), "the notice expires");
    }

    @Test
    void noticeAndServiceSwitch_areJournaledWithTheIssuer_andTheNoticeSurvivesARestart() {
        startBroker();
        hall = startHall("hall-a");
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            CommandResponse notice = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"BroadcastNotice\","
                    + "\"textZh\":\"系统升级\",\"textEn\":\"System upgrade\",\"durationSeconds\":3600}}");
            assertTrue(notice.accepted(), notice.reason() + ": " + notice.message());
            CommandResponse off = central.send("hall-a", "{\"v\":1,\"command\":{\"type\":\"SetService\","
                    + "\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"暂停\",\"messageEn\":\"Paused\"}}");
            assertTrue(off.accepted(), off.reason() + ": " + off.message());
        }
        java.util.List<HallEvent> journaled = hall.runtime().hall().eventsAfter(0, 1000).stream()
                .map(io.hallq.controller.hall.JournaledEvent::event).toList();
        assertTrue(journaled.stream().anyMatch(e -> e instanceof HallEvent.NoticePosted n
                && n.by().equals("mqtt:central") && n.textEn().equals("System upgrade")), journaled.toString());
        assertTrue(journaled.stream().anyMatch(e -> e instanceof HallEvent.ServiceChanged c
                && !c.enabled() && "mqtt:central".equals(c.by())), journaled.toString());
        hall.close();
        hall = startHall("hall-a");
        CentralRecorder.await(() -> notice().isPresent(), 5_000);
        assertEquals("System upgrade", notice().map(n -> n.textEn()).orElse(null),
                "the notice is back after the restart, from the journal");
        HallStatus st = Retained.await(broker.uri(), Topics.status("hall-a"), HallStatus.class,
                s -> s.notice() != null);
        assertEquals("central", st.notice().issuer());
    }

    @Test
    void liveness_isRetainedOnline_andOfflineAfterClose_withTheSameBirthNumber() {
        startBroker();
        hall = startHall("hall-a");
        HallOnline on = Retained.await(broker.uri(), Topics.online("hall-a"), HallOnline.class, HallOnline::online);
        hall.close();
        hall = null;
        HallOnline off = Retained.await(broker.uri(), Topics.online("hall-a"), HallOnline.class, o -> !o.online());
        assertEquals(on.birth(), off.birth());
        hall = startHall("hall-a");
        HallOnline again = Retained.await(broker.uri(), Topics.online("hall-a"), HallOnline.class, HallOnline::online);
        assertTrue(again.birth() > on.birth());
    }

    @Test
    void neighbour_withAShorterWait_isSuggested() {
        startBroker();
        String neighbourOfA = """
                neighbours:
                  - { hall: hall-b, nameZh: 乙厅, nameEn: Hall B, distance: 800, margin: 5m }
                """;
        hall = SyncHalls.start(SyncHalls.loaded("hall-a", dir.resolve("a"),
                SyncHalls.mqtt(broker.uri(), neighbourOfA)), clock);
        try (SyncHalls.Running b = startHall("hall-b")) {
            issue(hall.runtime().hall(), 60);
            NeighbourAdvisor advisor = hall.mqtt().neighbours();
            assertTrue(CentralRecorder.await(() -> advisor.suggestionFor("OPEN").isPresent(), 15_000));
            NeighbourAdvisor.Suggestion s = advisor.suggestionFor("OPEN").orElseThrow();
            assertEquals("hall-b", s.hall());
            assertEquals("Hall B", s.nameEn());
            assertEquals(800, s.distanceMeters());
            assertTrue(s.localWaitSeconds() - s.waitSeconds() > 300, s.toString());
            assertTrue(b.mqtt().neighbours().suggestionFor("OPEN").isEmpty(), "hall-b follows no neighbour");
        }
    }

    private static int arrivals(io.hallq.protocol.mqtt.DailyStats d, String service) {
        return d.statistics().serviceHours().stream().filter(h -> h.service().equals(service))
                .mapToInt(io.hallq.protocol.stats.DailyStatistics.ServiceHour::arrivals).sum();
    }

    private DeviceHealth health(String hallId, String device, DeviceHealth.State state) {
        return Retained.await(broker.uri(), Topics.device(hallId, device), DeviceHealth.class,
                h -> h.state() == state);
    }

    @Test
    void deviceHealth_followsTheDeviceAlarms_failedDegradedAndOk_retainedPerDevice() {
        startBroker();
        hall = startHall("hall-d");
        HallController h = hall.runtime().hall();
        h.submit(new Command.DeviceFault("printer", "打印机缺纸", "Ticket printer out of paper", "paper-out")).join();
        h.submit(new Command.DeviceFault("printer-paper", "纸将尽", "Paper low", "near-end")).join();
        h.submit(new Command.DeviceFault("button-PAY", "按键卡住", "Button PAY stuck", "stuck-key")).join();

        var failed = DeviceHealth.State.FAILED;
        var degraded = DeviceHealth.State.DEGRADED;
        String detail = health("hall-d", "printer", failed).detail();
        assertTrue(detail.contains("out of paper") && detail.contains("paper-out"), detail);
        health("hall-d", "printer-paper", degraded);
        health("hall-d", "button-pay", degraded); // the device as a topic segment: lower case
        // the retained status lists the alarm with its cause code, for programs
        Retained.await(broker.uri(), Topics.status("hall-d"), HallStatus.class, s -> s.alarms().stream()
                .anyMatch(a -> a.alarmId().equals("DEVICE:printer") && "paper-out".equals(a.cause())));

        h.submit(new Command.DeviceRecovered("printer")).join();
        health("hall-d", "printer", DeviceHealth.State.OK);
    }

    @Test
    void deviceHealth_afterARestart_comesFromTheJournal_onConnect() {
        startBroker();
        hall = startHall("hall-d");
        hall.runtime().hall().submit(new Command.DeviceFault("voice-speaker", "广播设备故障", "Speaker gone")).join();
        var failed = DeviceHealth.State.FAILED;
        health("hall-d", "voice-speaker", failed);
        hall.close();
        hall = null;
        broker.close();

        broker = Mosquitto.start(dir.resolve("broker2")); // a fresh broker: nothing retained from before
        hall = startHall("hall-d");
        assertTrue(health("hall-d", "voice-speaker", failed).detail().contains("Speaker gone"));
    }
}
