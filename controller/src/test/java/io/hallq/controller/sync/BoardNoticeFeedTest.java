package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.TestHalls;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.protocol.mqtt.HallStatus;
import java.time.Duration;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardNoticeFeedTest {

    /** A fresh status: the advisor ignores statuses older than its stale limit on the module's clock. */
    private static HallStatus status(String hall, long openWait) {
        return new HallStatus(1, hall, "厅", "Hall", Instant.now(), 1, 2, HallStatus.BusyLevel.NORMAL,
                Map.of("OPEN", new HallStatus.ServiceStatus(true, 3, Map.of(), openWait)), List.of(), null);
    }

    @Test
    void boardLines_holdTheBroadcastNotice_andANeighbourWithAShorterWait() {
        MqttModule mqtt = new MqttModule();
        mqtt.neighbours().configure(List.of(new MqttSettings.Neighbour("hall-b", "乙厅", "Hall B", 800,
                Duration.ofMinutes(5))), Duration.ofMinutes(10));
        BoardNoticeFeed feed = new BoardNoticeFeed(mqtt, lines -> { });
        assertEquals(List.of(), feed.lines(TestHalls.small()));

        mqtt.neighbours().localStatus(status("hall-a", 1800));
        mqtt.neighbours().neighbourStatus("hall-b", status("hall-b", 300));
        feed.notices().show(new NoticePosted(Instant.now(), "16点后暂停开户", "No new accounts after 16:00",
                Instant.now().plusSeconds(600), "mqtt:central"));
        assertEquals(List.of(new Notice("16点后暂停开户", "No new accounts after 16:00"),
                new Notice("OPEN中文:附近乙厅约等 5 分钟,距此 800 米", "OPEN en: about 5 min at Hall B, 800 m away")),
                feed.lines(TestHalls.small()));
    }

    @Test
    void refresh_tellsTheBoardOnlyWhenTheLinesChange() {
        MqttModule mqtt = new MqttModule();
        List<List<Notice>> told = new ArrayList<>();
        BoardNoticeFeed feed = new BoardNoticeFeed(mqtt, told::add);
        feed.use(TestHalls.small());
        feed.refresh();
        assertEquals(List.of(), told, "nothing to say, nothing told");
        feed.notices().show(new NoticePosted(Instant.now(), "通知", "Notice", Instant.now().plusSeconds(600),
                "mqtt:central"));
        feed.refresh();
        feed.refresh();
        assertEquals(List.of(List.of(new Notice("通知", "Notice"))), told);
    }

    @Test
    void withoutMqtt_noTimerThreadUntilANoticeIsPosted_thenTheNoticeIsShownAndGoneWhenItRunsOut(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        io.hallq.controller.MutableClock clock = new io.hallq.controller.MutableClock(TestHalls.MONDAY_10AM);
        List<List<Notice>> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        MqttModule mqtt = new MqttModule(); // no mqtt section: inactive
        BoardNoticeFeed feed = new BoardNoticeFeed(mqtt, told::add);
        var loaded = io.hallq.controller.notify.SmppNotificationsIT.loaded(dir, "hall: {}");
        try (var runtime = io.hallq.controller.hall.HallRuntime.start(loaded, clock, List.of(mqtt, feed))) {
            runtime.hall().query(s -> null).join();
            assertEquals(0, feed.timerThreads(), "an idle thread for nothing");
            runtime.hall().submit(new io.hallq.controller.queue.Command.PostNotice("通知", "Notice",
                    clock.instant().plusMillis(500))).join();
            io.hallq.controller.notify.SmppNotificationsIT.await(
                    () -> told.contains(List.of(new Notice("通知", "Notice"))), "the notice on the board");
            clock.advance(Duration.ofSeconds(1));
            io.hallq.controller.notify.SmppNotificationsIT.await(
                    () -> !told.isEmpty() && told.getLast().isEmpty(), "the notice gone when it ran out");
        }
    }
}
