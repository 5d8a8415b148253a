package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.board.BoardSettings;
import io.hallq.board.BoardSettingsReader;
import io.hallq.board.StandaloneBoard;
import io.hallq.controller.sync.BoardHalls;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.protocol.mqtt.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hall board on a second Pi, in a real browser: a hall controller (MQTT, web and board publisher as on a
 * Pi) publishes its board to a real Mosquitto; standalone boards ({@code ./hallq board}) on ports of their own
 * subscribe, and headless Chromium shows what a TV beside them would.
 */
class SecondPiBoardIT {

    private static final String HALL = "second-pi";

    @TempDir
    Path dir;

    private static BoardSettings settings(String uri) {
        return settings(uri, "tv1");
    }

    /** Each board of a hall has its own id (and so its own client id). */
    private static BoardSettings settings(String uri, String id) {
        return BoardSettingsReader.parse("""
                board: { hall: %s, id: %s, bind: 127.0.0.1, port: 0 }
                mqtt: { broker: %s, reconnect: { min: PT0.2S, max: 1s } }
                """.formatted(HALL, id, uri), "board.yaml", Path.of("."));
    }

    private static String url(StandaloneBoard board) {
        return "http://127.0.0.1:" + board.port() + "/board/";
    }

    private static String state(Browser b) {
        return b.find("#state").getDomAttribute("data-state");
    }

    @Test
    void callAtTheHall_showsOnTheSecondPiBoard_whichSaysOfflineWhenTheControllerStops_andALateBoardGetsTheView() {
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             StandaloneBoard board = StandaloneBoard.start(settings(broker.uri()));
             Browser b = new Browser(1920, 1080)) {
            b.open(url(board));
            b.until(d -> "CONNECTING".equals(state(b)) && b.text("#state").contains("正在连接"));
            assertTrue(b.text("#state").contains("Connecting"), b.text("#state"));

            String ticket;
            try (BoardHalls.Running hall = BoardHalls.start(HALL, dir.resolve("hall"), broker.uri(), true, clock)) {
                ticket = hall.issueAndCall("PAY", 2);
                try {
                    b.until(d -> ticket.equals(b.find("#newest").getDomAttribute("data-ticket")));
                } catch (AssertionError e) {
                    var shown = board.server().shown();
                    throw new AssertionError("the call never reached the second board: hall MQTT connected="
                            + hall.mqtt().connected() + ", board upstream=" + board.server().upstream()
                            + ", board shows seq " + (shown == null ? "none" : shown.seq()) + ", hall at seq "
                            + hall.hall().lastSequence() + ", page state=" + state(b), e);
                }
                assertEquals("2", b.find("#newest").getDomAttribute("data-counter"));
                assertEquals(ticket, b.text(".counter[data-counter='2'] .ticket"));
                b.until(d -> "LIVE".equals(state(b)));
                assertTrue(b.text("#newest").contains("请到 2 号窗口"), b.text("#newest"));
                b.js("document.getAnimations().forEach(function (a) { try { a.finish(); } catch (e) { } });");
                b.screenshot("board-second-pi-1920x1080");
            } // the controller stops cleanly: it says offline on its retained liveness topic

            b.until(d -> "OFFLINE".equals(state(b)));
            assertTrue(b.text("#state").contains("叫号系统离线"), b.text("#state"));
            assertTrue(b.text("#state").contains("Hall controller offline"), b.text("#state"));
            assertEquals(ticket, b.find("#newest").getDomAttribute("data-ticket"), "the last view stays beneath");
            assertTrue(b.text("#link").contains("离线 Offline"), b.text("#link"));
            b.screenshot("board-second-pi-offline-1920x1080");

            try (StandaloneBoard later = StandaloneBoard.start(settings(broker.uri(), "tv2"))) {
                b.open(url(later));
                b.until(d -> ticket.equals(b.find("#newest").getDomAttribute("data-ticket")));
                assertEquals("2", b.find("#newest").getDomAttribute("data-counter"));
                b.until(d -> "OFFLINE".equals(state(b)));
            }
        }
    }

    @Test
    void controllerRestartedWithAWipedJournal_thePageShowsItsNewCalls_withoutAReload() throws Exception {
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        Path data = dir.resolve("hall");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             StandaloneBoard board = StandaloneBoard.start(settings(broker.uri()));
             Browser b = new Browser(1920, 1080)) {
            b.open(url(board));
            long oldSeq;
            try (BoardHalls.Running hall = BoardHalls.start(HALL, data, broker.uri(), true, clock)) {
                hall.issueAndCall("PAY", 2);
                hall.issueAndCall("PAY", 2);
                String old = hall.issueAndCall("PAY", 2);
                b.until(d -> old.equals(b.find("#newest").getDomAttribute("data-ticket")));
                oldSeq = Long.parseLong(b.find("body").getDomAttribute("data-seq"));
            }
            b.until(d -> "OFFLINE".equals(state(b)));
            try (var files = java.nio.file.Files.walk(data)) { // a new install: the journal is gone
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            try (BoardHalls.Running hall = BoardHalls.start(HALL, data, broker.uri(), true, clock)) {
                String fresh = hall.issueAndCall("PAY", 2);
                b.until(d -> fresh.equals(b.find("#newest").getDomAttribute("data-ticket")));
                b.until(d -> "LIVE".equals(state(b)));
                assertTrue(Long.parseLong(b.find("body").getDomAttribute("data-seq")) < oldSeq,
                        "the page shows the new journal's lower sequence");
            }
        }
    }

    @Test
    void brokerRefusingTheBoardsSubscription_thePageSaysSoInChineseAndEnglish_namingTheTopic() {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), Mosquitto.refusingSubscriptions(
                     dir.resolve("dynsec.json"), java.util.List.of(Topics.board(HALL))));
             StandaloneBoard board = StandaloneBoard.start(settings(broker.uri()));
             Browser b = new Browser(1920, 1080)) {
            b.open(url(board));
            b.until(d -> "REFUSED".equals(state(b)));
            String shown = b.text("#state");
            assertTrue(shown.contains("叫号屏订阅被拒绝，请检查访问权限"), shown);
            assertTrue(shown.contains("The MQTT broker refused the board's subscription"), shown);
            assertTrue(shown.contains(Topics.board(HALL)) && shown.contains("0x87 not authorized"), shown);
            assertTrue(b.text("#link").contains("Refused"), b.text("#link"));
            b.screenshot("board-second-pi-refused-1920x1080");
        }
    }
}
