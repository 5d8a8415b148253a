package io.hallq.controller.sync;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * Sends command responses so that none is lost silently. Replies queue here and go out at most
 * {@link #IN_FLIGHT} at a time (the outbox leaves only a few of the broker's Receive Maximum slots to everything
 * else, and Paho refuses a publish beyond it: that is how a burst of 50 requests used to get 23 replies). A
 * publish that fails is tried again with a growing pause, also after a reconnect, until the reply is
 * {@link #GIVE_UP_AFTER} old; then, or when more than {@link #MAX_QUEUED} wait, it is dropped with a warning
 * naming its topic. Sync thread only.
 */
final class ReplySender {

    static final int IN_FLIGHT = 2;
    static final int MAX_QUEUED = 1000;
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private record Pending(Outgoing out, long since, int attempts) {}

    private final ScheduledExecutorService owner;
    private final Function<Outgoing, CompletableFuture<Void>> publish;
    private final BooleanSupplier connected;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean retryScheduled;
    private long sent;
    private long lost;

    ReplySender(ScheduledExecutorService owner, Function<Outgoing, CompletableFuture<Void>> publish,
                BooleanSupplier connected) {
        this.owner = owner;
        this.publish = publish;
        this.connected = connected;
    }

    void send(Outgoing reply) {
        if (queue.size() >= MAX_QUEUED) {
            Pending dropped = queue.pollFirst();
            lost++;
            Logger.warn("MQTT reply to {} dropped: more than {} replies wait to be sent", dropped.out().topic(),
                    MAX_QUEUED);
        }
        queue.addLast(new Pending(reply, System.nanoTime(), 0));
        pump();
    }

    /** After a (re)connect: whatever waits goes out now. */
    void connected() {
        pump();
    }

    /** Replies acknowledged by the broker so far. */
    long sent() {
        return sent;
    }

    /** Replies given up on so far (each logged). */
    long lost() {
        return lost;
    }

    int waiting() {
        return queue.size() + inFlight;
    }

    private void pump() {
        while (inFlight < IN_FLIGHT && !queue.isEmpty() && connected.getAsBoolean()) {
            Pending p = queue.pollFirst();
            if (System.nanoTime() - p.since() > GIVE_UP_AFTER.toNanos()) {
                lost++;
                Logger.warn("MQTT reply to {} not sent after {} attempts in {} s; given up", p.out().topic(),
                        p.attempts(), GIVE_UP_AFTER.toSeconds());
                continue;
            }
            inFlight++;
            CompletableFuture<Void> f;
            try {
                f = publish.apply(p.out());
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((ok, e) -> hand(() -> done(p, e)));
        }
    }

    private void done(Pending p, Throwable e) {
        inFlight--;
        if (e == null) {
            sent++;
        } else {
            Logger.debug("MQTT reply to {} failed (attempt {}): {}; trying again", p.out().topic(),
                    p.attempts() + 1, e.toString());
            queue.addFirst(new Pending(p.out(), p.since(), p.attempts() + 1));
            if (!retryScheduled) {
                retryScheduled = true;
                long pause = Math.min(1000, 20L << Math.min(p.attempts(), 6));
                owner.schedule(() -> {
                    retryScheduled = false;
                    pump();
                }, pause, TimeUnit.MILLISECONDS);
            }
            return;
        }
        pump();
    }

    private void hand(Runnable work) {
        try {
            owner.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the module is closing
        }
    }
}
