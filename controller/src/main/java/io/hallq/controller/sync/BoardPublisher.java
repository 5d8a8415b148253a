package io.hallq.controller.sync;

import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.display.board.BoardView;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Publishes the hall board's view, retained (QoS 1) on {@code hallq/v1/<hall>/board}, for a board that runs on
 * a Pi of its own ({@code io.hallq.board.BoardMain}, module board). Bursts are coalesced: at most one publish
 * per {@link #MIN_INTERVAL_MS}, always of the newest view; the first view after a quiet spell goes out at once.
 * The newest view is published again after every (re)connect, and retried while a publish fails.
 *
 * <p>Runs only when MQTT sync runs. The views come from the web module ({@code WebModule.onBoardView}), which
 * makes them even with {@code web.enabled: false} once asked (no HTTP server then). Start it after both modules.
 */
public final class BoardPublisher implements HallModule {

    static final long MIN_INTERVAL_MS = 250;
    private static final long RETRY_MS = 1_000;

    private final MqttModule mqtt;
    private final Consumer<Consumer<BoardView>> views;
    private ScheduledExecutorService thread;
    private String topic;
    private String hallId;
    // confined to the publisher's thread
    private BoardView newest;
    private boolean dirty;
    private boolean scheduled;
    private long lastPublishNanos;
    private String lastPublishedJson;

    /** @param views where the board views come from, e.g. {@code web::onBoardView} (called once, at start) */
    public BoardPublisher(MqttModule mqtt, Consumer<Consumer<BoardView>> views) {
        this.mqtt = mqtt;
        this.views = views;
    }

    @Override
    public String name() {
        return "board-publisher";
    }

    @Override
    public void start(HallContext context) {
        if (!mqtt.active()) {
            Logger.debug("No board topic: MQTT sync is off");
            return;
        }
        hallId = context.hall().config().hall().id();
        topic = Topics.board(hallId);
        thread = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("board-publisher").unstarted(r));
        lastPublishNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS);
        mqtt.onConnected(() -> run(() -> {
            lastPublishedJson = null; // a new session: publish again even if nothing changed
            dirty = newest != null;
            flushSoon();
        }));
        views.accept(view -> run(() -> accept(view)));
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    private void accept(BoardView view) {
        if (newest != null && view.seq() < newest.seq()) {
            return; // older than what is already waiting to go out
        }
        newest = view;
        dirty = true;
        flushSoon();
    }

    private void flushSoon() {
        if (scheduled || !dirty) {
            return;
        }
        scheduled = true;
        long wait = Math.max(0, lastPublishNanos + TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS) - System.nanoTime());
        schedule(this::flush, TimeUnit.NANOSECONDS.toMillis(wait));
    }

    private void schedule(Runnable work, long delayMs) {
        try {
            thread.schedule(work, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    private void flush() {
        scheduled = false;
        if (!dirty) {
            return;
        }
        dirty = false;
        BoardView view = newest;
        byte[] payload = MqttCodec.encode(BoardMessages.toMessage(hallId, view));
        String json = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        if (json.equals(lastPublishedJson)) {
            return;
        }
        lastPublishNanos = System.nanoTime();
        mqtt.publishRetained(topic, payload).whenComplete((ok, e) -> run(() -> {
            if (e == null) {
                lastPublishedJson = json;
            } else if (newest == view) {
                // not connected or refused: the reconnect publishes again; while connected, retry in a while
                Logger.debug("Board view {} not published ({}); retrying", view.seq(), e.getMessage());
                dirty = true;
                if (!scheduled) {
                    scheduled = true;
                    schedule(this::flush, RETRY_MS);
                }
            }
        }));
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
