package io.hallq.controller.voice;

import io.hallq.controller.device.AmplifierSwitch;
import org.tinylog.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hall's voice: a queue of announcements played one after another on a thread of its own.
 *
 * <ul>
 *   <li>{@link #announce} never blocks and never throws for a valid announcement; it is meant to be called
 *       from the queue engine's writer thread.</li>
 *   <li>Announcements never overlap and one being played is never cut off; queued announcements play in
 *       submission order, except that a recall goes before queued non-recalls when
 *       {@link VoiceConfig#recallJumpsQueue()} is set.</li>
 *   <li>A missing or failing audio device or amplifier raises a device alarm on the {@link VoiceListener}; the
 *       announcement is dropped and the announcer keeps taking work, trying the device again each time.</li>
 * </ul>
 */
public final class Announcer implements AutoCloseable {

    /** What became of a submitted announcement. */
    public enum Submitted {
        /** Queued for playing. */
        QUEUED,
        /** Voice is switched off in the config; nothing will be played. */
        DISABLED,
        /** {@link VoiceConfig#maxQueued()} announcements are waiting already; this one is dropped. */
        QUEUE_FULL,
        /** The announcer was closed. */
        CLOSED,
        /** A recall whose call is still queued: the call, not yet heard, covers it. */
        MERGED
    }

    private record Pending(Announcement announcement, int priority, long sequence) {
        static final Comparator<Pending> ORDER = Comparator.comparingInt((Pending p) -> -p.priority)
                .thenComparingLong(Pending::sequence);
    }

    private static final Pending STOP = new Pending(null, -1, Long.MAX_VALUE);

    private final VoiceConfig config;
    private final PlaybackWorker worker;
    private final VoiceListener listener;
    private final PriorityBlockingQueue<Pending> queue = new PriorityBlockingQueue<>(16, Pending.ORDER);
    private final AtomicLong sequence = new AtomicLong();
    private final Object idleLock = new Object();
    private final Thread thread;
    private int outstanding;
    private volatile boolean closed;

    private Announcer(VoiceConfig config, PlaybackWorker worker, VoiceListener listener) {
        this.config = config;
        this.worker = worker;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("hallq-voice").daemon(true).unstarted(this::run);
    }

    /**
     * Starts an announcer and its playback thread.
     *
     * @param clips     loaded by {@link ClipSetLoader} for this same config
     * @param amplifier switched on before playing, off when the queue is empty
     * @param clock     time source of the quiet-hours schedule; in the hall's time zone
     */
    public static Announcer start(VoiceConfig config, ClipSet clips, AudioSink sink, AmplifierSwitch amplifier,
                                  Clock clock, VoiceListener listener) {
        return start(config, clips, sink, amplifier, clock, listener, java.util.Set.of());
    }

    /**
     * @param failing devices ({@link VoiceListener#AUDIO_OUTPUT}, {@link VoiceListener#AMPLIFIER}) whose alarm is
     *                still active from before a restart: the first time one works, it is reported recovered;
     *                failing again, it is not reported twice
     */
    public static Announcer start(VoiceConfig config, ClipSet clips, AudioSink sink, AmplifierSwitch amplifier,
                                  Clock clock, VoiceListener listener, java.util.Set<String> failing) {
        Announcer a = new Announcer(config, new PlaybackWorker(config, clips, sink, amplifier, clock, listener,
                failing), listener);
        a.thread.start();
        return a;
    }

    /** Queues an announcement; returns at once. */
    public Submitted announce(Announcement announcement) {
        if (closed) {
            return Submitted.CLOSED;
        }
        if (!config.enabled()) {
            return Submitted.DISABLED;
        }
        if (queue.size() >= config.maxQueued()) {
            Logger.warn("voice: queue full ({}), dropping {}", config.maxQueued(), announcement.describe());
            return Submitted.QUEUE_FULL;
        }
        if (announcement instanceof Announcement.Recall r && callStillQueued(r)) {
            return Submitted.MERGED; // the customer has not heard the call yet: the call will do
        }
        boolean jumps = config.recallJumpsQueue() && announcement instanceof Announcement.Recall;
        synchronized (idleLock) {
            outstanding++;
        }
        queue.add(new Pending(announcement, jumps ? 1 : 0, sequence.incrementAndGet()));
        return Submitted.QUEUED;
    }

    private boolean callStillQueued(Announcement.Recall r) {
        Announcement.Call call = new Announcement.Call(r.ticketNumber(), r.counter());
        return queue.stream().anyMatch(p -> call.equals(p.announcement()));
    }

    /** Announcements waiting (not counting the one playing). */
    public int queued() {
        return (int) queue.stream().filter(p -> p != STOP).count();
    }

    /** Waits until nothing is queued or playing; false on timeout. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleLock) {
            while (outstanding > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idleLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Stops taking announcements, drops the queued ones (reported as dropped), lets the one playing finish
     * (waiting at most 30 s) and switches the amplifier off.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        queue.add(STOP);
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.drainTo(left); // anything submitted while closing
        for (Pending p : left) {
            if (p != STOP) {
                try {
                    listener.dropped(p.announcement(), "announcer closed");
                } catch (RuntimeException e) {
                    Logger.error(e, "voice: listener failed");
                }
                done();
            }
        }
    }

    private void run() {
        try {
            while (true) {
                Pending next = queue.take();
                if (next == STOP) {
                    break;
                }
                worker.play(next.announcement());
                if (queue.isEmpty()) {
                    worker.idle();
                }
                done();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.idle();
        }
    }

    private void done() {
        synchronized (idleLock) {
            outstanding--;
            if (outstanding <= 0) {
                idleLock.notifyAll();
            }
        }
    }
}
