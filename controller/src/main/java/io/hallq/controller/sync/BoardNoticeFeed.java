package io.hallq.controller.sync;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Puts onto the hall board's notice line the journaled board notice (broadcast by central over MQTT or by the
 * manager on the web; read from the hall's events, so it shows with MQTT off too and again after a restart),
 * and for each service a nearby hall with a clearly shorter wait (name, its wait, distance). The lines are
 * recomputed every few seconds (so an expired notice goes) and the board is told only when they change.
 */
public final class BoardNoticeFeed implements HallModule {

    private static final long PERIOD_SECONDS = 5;

    private final MqttModule mqtt;
    private final Consumer<List<Notice>> board;
    private final java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().daemon().name("board-notices").unstarted(r));
    private final NoticeBoard notices;
    private List<Notice> shown = List.of();
    private HallConfig config;

    /** @param board where the lines go, e.g. {@code web::showNeighbourSuggestions} */
    public BoardNoticeFeed(MqttModule mqtt, Consumer<List<Notice>> board) {
        this.mqtt = mqtt;
        this.board = board;
        this.notices = new NoticeBoard(java.time.Clock.systemUTC());
    }

    @Override
    public String name() {
        return "board-notices";
    }

    @Override
    public void start(HallContext context) {
        use(context.hall().config());
        notices.useClock(context.clock());
        boolean neighbours = mqtt.active();
        context.hall().addListener(events -> events.forEach(e -> {
            if (e.event() instanceof NoticePosted n) {
                notices.show(n);
                timer.execute(this::refresh);
                if (!neighbours) {
                    refreshAt(n.until(), context.clock());
                }
            }
        }));
        context.hall().query(s -> s.notice(context.clock().instant())).thenAccept(n -> n.ifPresent(shown -> {
            notices.show(shown);
            if (!neighbours) {
                timer.execute(this::refresh);
                refreshAt(shown.until(), context.clock());
            }
        }));
        if (neighbours) {
            timer.scheduleWithFixedDelay(this::refresh, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
        // Without MQTT there are no neighbours: the lines change only when a notice is posted or runs out, so the
        // timer (and its thread, made at its first task) works only then; no idle thread on a hall without MQTT.
    }

    /** Refreshes once {@code until} has passed (a notice running out), when that is within a year. */
    private void refreshAt(java.time.Instant until, java.time.Clock clock) {
        java.time.Duration left = java.time.Duration.between(clock.instant(), until);
        if (!left.isNegative() && left.compareTo(java.time.Duration.ofDays(366)) <= 0) {
            try {
                timer.schedule(this::refresh, left.toMillis() + 1, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closing
            }
        }
    }

    /** Threads the feed's timer has made (none until it has work: without MQTT, until a notice is posted). */
    int timerThreads() {
        return timer.getPoolSize();
    }

    /** The notice board this feed reads (fed from the hall's events once started). */
    NoticeBoard notices() {
        return notices;
    }

    void use(HallConfig hall) {
        config = hall;
    }

    /** Recomputes the lines and hands them to the board if they changed. */
    void refresh() {
        try {
            List<Notice> lines = lines(config);
            if (!lines.equals(shown)) {
                shown = lines;
                board.accept(lines);
            }
        } catch (RuntimeException e) {
            Logger.warn(e, "Board notices could not be refreshed");
        }
    }

    List<Notice> lines(HallConfig config) {
        List<Notice> lines = new ArrayList<>();
        notices.current().ifPresent(n -> lines.add(new Notice(n.textZh(), n.textEn())));
        for (ServiceConfig s : config.services()) {
            mqtt.neighbours().nearbyHall(s.code()).ifPresent(n -> lines.add(new Notice(
                    s.nameZh() + ":" + n.textZh(), s.nameEn() + ": " + n.textEn())));
        }
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
