package io.hallq.controller.hall;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.tinylog.Logger;

/**
 * Lets systemd supervise a running hall ({@code Type=notify}, {@code WatchdogSec=}). On one "hall-watchdog" thread
 * it
 * <ul>
 *   <li>tells systemd READY=1 once the hall serves (see {@link #start}),</li>
 *   <li>sends WATCHDOG=1 only while the writer keeps making its clock ticks durable: a wedged writer, a stuck
 *       fsync or a dead ticker stop the feeding, and systemd restarts the service;</li>
 *   <li>gives the writer up when one batch has run for longer than {@code wedgeAfter}, and</li>
 *   <li>ends the process with {@link #EXIT_FAILED} and one log line (the hall's failure, logged by
 *       {@link HallController}) when the hall can no longer work: its writer died or wedged, its journal cannot be
 *       written, or a module failed after start (its listener threw, or one of its threads died).</li>
 * </ul>
 * The process does not try to heal itself: the journal makes a restart safe, and systemd restarts it.
 */
public final class Supervision implements AutoCloseable {

    /** The exit status when the hall cannot go on (EX_SOFTWARE); systemd's Restart=always starts it again. */
    public static final int EXIT_FAILED = 70;
    /** A writer busy with one batch for this long is wedged (a sound one takes milliseconds, a replay seconds). */
    public static final Duration DEFAULT_WEDGE = Duration.ofSeconds(15);
    /** WATCHDOG=1 is sent only when a tick was made durable this recently (ticks come every second). */
    static final Duration TICK_FRESH = Duration.ofSeconds(5);

    private final HallController hall;
    private final SdNotify notify;
    private final Duration wedgeAfter;
    private final IntConsumer exit;
    private final Thread thread;
    private final AtomicBoolean ending = new AtomicBoolean();
    private volatile boolean closed;

    private Supervision(HallController hall, SdNotify notify, Duration wedgeAfter, IntConsumer exit) {
        this.hall = hall;
        this.notify = notify;
        this.wedgeAfter = wedgeAfter;
        this.exit = exit;
        this.thread = Thread.ofPlatform().daemon().name("hall-watchdog").unstarted(this::run);
    }

    /**
     * Starts supervising {@code hall}, which is serving now: sends READY=1 with {@code status}.
     *
     * @param exit ends the process with the status given ({@code System::exit} in a real start); called on a
     *             thread of its own, never on the writer
     */
    public static Supervision start(HallController hall, SdNotify notify, Duration wedgeAfter, IntConsumer exit,
                                    String status) {
        Supervision s = new Supervision(hall, notify, wedgeAfter, exit);
        hall.onFailure(s::end);
        s.thread.start();
        notify.ready(status);
        return s;
    }

    /**
     * Also ends the process when any thread dies of an uncaught exception: only named threads with a listed job
     * exist (docs/architecture.md), so one that dies leaves a part of the hall not working.
     */
    public Supervision endOnUncaughtExceptions() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (mendedByItsOwner(t.getName())) {
                // Paho 1.2.5's receive thread dies of input it cannot parse (issue #12); MqttLink notices within a
                // second and connects again: a stranger able to publish a command must not restart the hall
                Logger.warn("Thread {} died ({}); its owner connects again", t.getName(), e.toString());
                return;
            }
            Logger.debug(e, "Thread {} died", t.getName());
            hall.moduleFailed("thread " + t.getName(), e);
        });
        return this;
    }

    /** Library threads whose death their owner notices and mends itself: Paho's receive thread (MqttLink). */
    static boolean mendedByItsOwner(String threadName) {
        return threadName.startsWith("MQTT Rec:");
    }

    /** How often the writer is looked at: often enough for systemd's watchdog interval, at least once a second. */
    Duration period() {
        Duration max = Duration.ofSeconds(1);
        return notify.watchdog().map(w -> w.dividedBy(4)).filter(p -> p.compareTo(max) < 0).orElse(max);
    }

    private void run() {
        long periodMs = Math.max(10, period().toMillis());
        while (!closed) {
            check();
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look at the writer: feed the watchdog, or give the writer up. */
    void check() {
        if (ending.get() || closed) {
            return;
        }
        String failure = hall.failure();
        if (failure != null) {
            end(failure);
            return;
        }
        long busy = hall.writerBusyNanos();
        if (busy > wedgeAfter.toNanos()) {
            hall.abandonWriter("the writer is wedged: one batch has run for " + busy / 1_000_000_000 + " s (limit "
                    + wedgeAfter.toSeconds() + " s)");
            return;
        }
        if (notify.watchdog().isPresent() && hall.sinceTickNanos() < TICK_FRESH.toNanos()) {
            notify.watchdogAlive();
        }
    }

    /** Ends the process once, on a thread of its own (exiting runs the shutdown hooks, which stop the writer). */
    private void end(String why) {
        if (closed || !ending.compareAndSet(false, true)) {
            return;
        }
        notify.status("failed: " + why);
        Thread.ofPlatform().daemon().name("hall-exit").start(() -> exit.accept(EXIT_FAILED));
    }

    /** Stops supervising (an orderly stop): tells systemd the service is stopping. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (!ending.get()) {
            notify.stopping("stopping");
        }
    }
}
