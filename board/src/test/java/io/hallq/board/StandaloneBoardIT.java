package io.hallq.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import io.hallq.controller.sync.BoardHalls;
import io.hallq.controller.sync.BoardTopicProbe;
import io.hallq.controller.sync.BrokerAndHall;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.controller.sync.Retained;
import io.hallq.display.board.BoardServer.Upstream;
import io.hallq.display.board.BoardView;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board on a Pi of its own ({@link StandaloneBoard}) against a real Mosquitto and a real hall. */
class StandaloneBoardIT extends BrokerAndHall<BoardHalls.Running> {

    private static final String HALL = "board-hall";

    private StandaloneBoard board;

    @BeforeEach
    void broker() {
        startBroker();
    }

    @AfterEach
    void closeBoard() {
        if (board != null) {
            board.close();
        }
    }

    static BoardSettings settings(String uri) {
        return BoardSettingsReader.parse("""
                board: { hall: %s, bind: 127.0.0.1, port: 0 }
                mqtt: { broker: %s, reconnect: { min: PT0.2S, max: 1s } }
                """.formatted(HALL, uri), "board.yaml", Path.of("."));
    }

    private BoardHalls.Running startHall() {
        return boardHall(HALL, true);
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(15), condition);
    }

    private static boolean newestCall(BoardView v, String ticket, int counter) {
        return v != null && !v.calls().isEmpty() && v.calls().get(0).ticket().equals(ticket)
                && v.calls().get(0).counter() == counter;
    }

    @Test
    void boardBeforeTheHall_saysConnecting_thenShowsEachCall() {
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the board is connected and waits for a view", () -> board.server().upstream() == Upstream.CONNECTING);
        assertNull(board.server().shown());
        hall = startHall();
        String first = hall.issueAndCall("PAY", 2);
        await("the first call shows", () -> newestCall(board.server().shown(), first, 2));
        await("live", () -> board.server().upstream() == Upstream.LIVE); // set just after the view, on its thread
        String second = hall.issueAndCall("OPEN", 3);
        await("the second call shows", () -> newestCall(board.server().shown(), second, 3));
    }

    @Test
    void hallStopping_turnsTheBoardOffline_keepingTheLastView_andItsReturnMakesItLive() {
        hall = startHall();
        String ticket = hall.issueAndCall("PAY", 2);
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the call shows", () -> newestCall(board.server().shown(), ticket, 2));
        await("live", () -> board.server().upstream() == Upstream.LIVE);
        hall.close();
        hall = null;
        await("offline", () -> board.server().upstream() == Upstream.OFFLINE);
        assertEquals(ticket, board.server().shown().calls().get(0).ticket(), "the last view stays");
        hall = startHall();
        await("live again", () -> board.server().upstream() == Upstream.LIVE);
        String next = hall.issueAndCall("OPEN", 3);
        await("a call after the restart shows", () -> newestCall(board.server().shown(), next, 3));
    }

    @Test
    void hallRestartedWithAWipedJournal_itsLowerSequenceShows_withoutRestartingTheBoard() throws Exception {
        hall = startHall();
        hall.issueAndCall("PAY", 2);
        hall.issueAndCall("PAY", 2);
        String old = hall.issueAndCall("PAY", 2);
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the old hall's last call shows", () -> newestCall(board.server().shown(), old, 2));
        long oldSeq = board.server().shown().seq();
        hall.close();
        hall = null;
        await("offline", () -> board.server().upstream() == Upstream.OFFLINE);

        // a new install: the journal folder (with its birth counter) is gone, the sequence starts again
        try (var files = java.nio.file.Files.walk(dir.resolve("hall"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertTrue(java.nio.file.Files.notExists(dir.resolve("hall")));
        hall = startHall();
        String fresh = hall.issueAndCall("PAY", 2);
        assertTrue(hall.hall().lastSequence() < oldSeq, hall.hall().lastSequence() + " vs " + oldSeq);
        await("the new hall's call shows", () -> newestCall(board.server().shown(), fresh, 2));
        assertTrue(board.server().shown().seq() < oldSeq);
        await("live", () -> board.server().upstream() == Upstream.LIVE);
        String next = hall.issueAndCall("OPEN", 3);
        await("and the calls after it", () -> newestCall(board.server().shown(), next, 3));
    }

    @Test
    void olderViewInTheSameHallSession_isIgnored() throws Exception {
        hall = startHall();
        hall.issueAndCall("PAY", 2);
        String ticket = hall.issueAndCall("PAY", 2);
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the call shows", () -> newestCall(board.server().shown(), ticket, 2));
        await("live", () -> board.server().upstream() == Upstream.LIVE);
        // the retained view at the board's start may come before the hall's liveness and proves no session
        // (StandaloneBoard#accept): only a view reached while the board follows the hall is of this session
        String inSession = hall.issueAndCall("PAY", 2);
        await("a call of this session shows", () -> newestCall(board.server().shown(), inSession, 2));
        BoardView shown = board.server().shown();
        long ignoredBefore = board.ignored();
        try (BoardTopicProbe late = new BoardTopicProbe(broker.uri(), HALL)) {
            // the view of an earlier sequence, as a late redelivery within the same hall session would bring it
            late.publishRetained(shown.toJson().replaceFirst("\"seq\":" + shown.seq(),
                    "\"v\":1,\"hall\":\"" + HALL + "\",\"seq\":" + (shown.seq() - 1)));
            await("the probe saw it", () -> late.arrivals().stream()
                    .anyMatch(a -> a.board() != null && a.board().seq() == shown.seq() - 1));
        }
        await("the board ignored it", () -> board.ignored() > ignoredBefore); // the hall's own views never are
        assertEquals(shown.seq(), board.server().shown().seq(), "the older view is ignored");
    }

    @Test
    void boardStartedLater_showsTheRetainedView_evenWhileTheHallIsOffline() {
        hall = startHall();
        String ticket = hall.issueAndCall("PAY", 2);
        try (BoardTopicProbe probe = new BoardTopicProbe(broker.uri(), HALL)) {
            probe.await(m -> !m.calls().isEmpty() && m.calls().get(0).ticket().equals(ticket), Duration.ofSeconds(15));
        }
        hall.close();
        hall = null;
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the retained call shows", () -> newestCall(board.server().shown(), ticket, 2));
        await("offline, from the retained liveness", () -> board.server().upstream() == Upstream.OFFLINE);
    }

    @Test
    void brokerRefusingTheBoardTopic_showsSubscriptionRefusedNamingTheTopic_andOnceAllowedTheBoardGoesLive() {
        broker.close();
        Path policy = dir.resolve("dynsec.json");
        broker = Mosquitto.start(dir.resolve("refusing-broker"),
                Mosquitto.refusingSubscriptions(policy, List.of(Topics.board(HALL))));
        hall = startHall();
        String ticket = hall.issueAndCall("PAY", 2);
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the refusal shows", () -> board.server().upstream() == Upstream.REFUSED);
        String detail = board.server().upstreamDetail();
        assertTrue(detail.contains(Topics.board(HALL)) && detail.contains("0x87 not authorized"), detail);
        assertNull(board.server().shown(), "nothing can arrive on a refused subscription");
        String health = Topics.device(HALL, "board-main");
        DeviceHealth degraded = Retained.await(broker.uri(), health, DeviceHealth.class,
                h -> h.state() == DeviceHealth.State.DEGRADED);
        assertTrue(degraded.detail().contains(Topics.board(HALL)) && degraded.detail().contains("0x87"),
                degraded.detail());

        broker.stop(); // the ACL is fixed; the board subscribes again when it reconnects
        Mosquitto.refuseSubscriptions(policy, List.of());
        broker.start();
        await("the call shows", () -> newestCall(board.server().shown(), ticket, 2));
        await("live", () -> board.server().upstream() == Upstream.LIVE);
        assertNull(board.server().upstreamDetail());
        Retained.await(broker.uri(), health, DeviceHealth.class, h -> h.state() == DeviceHealth.State.OK);
    }

    @Test
    void boardPublishesItsOwnRetainedHealth_online_andItsLastWillSaysOfflineWhenItsProcessIsKilled() throws Exception {
        Path file = dir.resolve("board.yaml");
        java.nio.file.Files.writeString(file, """
                board: { hall: %s, id: tv-2, bind: 127.0.0.1, port: 0 }
                mqtt: { broker: %s, keepAlive: 2s, reconnect: { min: PT0.2S, max: 1s } }
                """.formatted(HALL, broker.uri()));
        String topic = Topics.device(HALL, "board-tv-2");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process pi = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
                BoardMain.class.getName(), file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File("target/board-process.log"))).start();
        try {
            DeviceHealth up = Retained.await(broker.uri(), topic, DeviceHealth.class,
                    h -> h.state() == DeviceHealth.State.OK);
            assertEquals(HALL, up.hall());
            assertEquals("board-tv-2", up.device());
            assertEquals("online", up.detail());
            pi.destroyForcibly(); // SIGKILL: no clean disconnect, so the broker sends the will
            assertTrue(pi.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pi.destroyForcibly();
        }
        // the broker sends the will once the keep-alive has run out; a subscriber arriving later reads it, retained
        Retained.await(broker.uri(), topic, DeviceHealth.class, h -> h.state() != DeviceHealth.State.OK);
        DeviceHealth now = Retained.await(broker.uri(), topic, DeviceHealth.class, h -> true);
        assertEquals(DeviceHealth.State.FAILED, now.state(), now.toString());
        assertTrue(now.detail().contains("last will"), now.detail());
    }

    @Test
    void boardStoppedCleanly_saysSoOnItsHealth() {
        board = StandaloneBoard.start(settings(broker.uri()));
        String topic = Topics.device(HALL, "board-main");
        Retained.await(broker.uri(), topic, DeviceHealth.class, h -> h.state() == DeviceHealth.State.OK);
        board.close();
        board = null;
        DeviceHealth h = Retained.await(broker.uri(), topic, DeviceHealth.class, x -> true);
        assertEquals(DeviceHealth.State.FAILED, h.state());
        assertEquals("offline: the board was stopped", h.detail());
    }

    @Test
    void malformedBoardMessages_areIgnored_andThePreviousViewStays() throws Exception {
        hall = startHall();
        String ticket = hall.issueAndCall("PAY", 2);
        board = StandaloneBoard.start(settings(broker.uri()));
        await("the call shows", () -> newestCall(board.server().shown(), ticket, 2));
        BoardView before = board.server().shown();
        long ignoredBefore = board.ignored();
        try (BoardTopicProbe faulty = new BoardTopicProbe(broker.uri(), HALL)) {
            faulty.publishRetained("{\"v\":1,\"hall\":\"" + HALL + "\",");                        // not JSON
            faulty.publishRetained("{\"v\":1,\"hall\":\"" + HALL + "\",\"seq\":999999}");          // no counters
            // a newer contract version this board does not know
            faulty.publishRetained(before.toJson().replaceFirst("\"seq\":", "\"v\":2,\"hall\":\"" + HALL + "\",\"seq\":"));
            await("the probe saw its own three messages", () -> faulty.arrivals().stream()
                    .filter(a -> a.board() == null).count() >= 3);
        }
        await("the board ignored all three", () -> board.ignored() >= ignoredBefore + 3);
        assertEquals(before, board.server().shown(), "the last good view stays");
        assertEquals(Upstream.LIVE, board.server().upstream());
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + board.port() + "/api/board")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(before, BoardView.fromJson(page.body()));
        String next = hall.issueAndCall("OPEN", 3);
        await("the next good view shows", () -> newestCall(board.server().shown(), next, 3));
    }
}
