package io.hallq.controller.sync.bench;

import io.hallq.controller.Await;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two loads of the MQTT benches, the same for the halls and for their bare-Paho baseline. The pauses here
 * are the benchmark's measurement windows and the closed loop's ramp-up, not waits on a condition; after each
 * load the next one starts only once everything sent has reached central (a condition), so a backlog of one
 * load never runs into the next one's window.
 */
final class Loads {

    /** The longest a load's last messages are waited for after its window. */
    static final Duration DRAIN = Duration.ofSeconds(60);

    private Loads() {}

    /** Sends the next message of hall {@code hall}; the future completes when it is acknowledged (durable). */
    interface Sender {
        CompletableFuture<?> send(int hall) throws Exception;
    }

    /**
     * A fixed offered rate, {@code perHall} a second from each of {@code halls} halls in turn, for {@code seconds};
     * returns the probe's {p50, p99, samples} of the latencies, once every message sent has arrived (or
     * {@link #DRAIN} has passed).
     */
    static double[] open(Probe probe, int halls, double perHall, int seconds, Sender send) throws Exception {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = (long) (1e9 / (halls * perHall));
        int[] next = {0};
        probe.reset();
        probe.record(true);
        s.scheduleAtFixedRate(() -> {
            try {
                send.send(next[0]++ % halls);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L); // the measurement window
        s.shutdown();
        s.awaitTermination(10, TimeUnit.SECONDS);
        drain(probe);
        probe.record(false);
        return probe.percentiles();
    }

    /**
     * Every hall sends its next as soon as the previous is acknowledged (durable); returns central's rate over
     * {@code seconds} after a 2 s ramp-up, then waits for the loops to stop and their messages to arrive.
     */
    static double closed(Probe probe, int halls, int seconds, Sender send) throws Exception {
        return closed(probe, halls, seconds, send, () -> {});
    }

    /** As {@link #closed(Probe, int, int, Sender)}, running {@code atWindowEnd} as the window ends (before the drain). */
    static double closed(Probe probe, int halls, int seconds, Sender send, Runnable atWindowEnd) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger alive = new AtomicInteger(halls);
        for (int i = 0; i < halls; i++) {
            loop(i, send, running, alive);
        }
        Thread.sleep(2000); // ramp-up: every loop has sent its first
        long start = probe.received();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window
        long got = probe.received() - start;
        double rate = got / ((System.nanoTime() - t0) / 1e9);
        atWindowEnd.run();
        running.set(false);
        Await.within(DRAIN, () -> alive.get() == 0);
        drain(probe);
        return rate;
    }

    /**
     * The closed loop paced by central: every hall sends its next as soon as central has received the previous
     * (the sender's future completes on the {@code probe}'s arrival, see {@link Probe#arrival}), so each hall has
     * one message on its way at a time and no hall runs ahead of delivery; returns central's rate as
     * {@link #closed(Probe, int, int, Sender, Runnable)} does.
     */
    static double paced(Probe probe, int halls, int seconds, Sender send, Runnable atWindowEnd) throws Exception {
        probe.pacing(true);
        try {
            return closed(probe, halls, seconds, send, atWindowEnd);
        } finally {
            probe.pacing(false);
        }
    }

    /** Waits until every stamped message has reached central; says so when some did not within {@link #DRAIN}. */
    static void drain(Probe probe) {
        if (!Await.within(DRAIN, () -> probe.pending() == 0)) {
            System.out.printf("  (%d messages had not reached central %d s after the load)%n", probe.pending(),
                    DRAIN.toSeconds());
        }
    }

    private static void loop(int i, Sender send, AtomicBoolean running, AtomicInteger alive) {
        if (!running.get()) {
            alive.decrementAndGet();
            return;
        }
        try {
            send.send(i).whenComplete((ok, err) -> loop(i, send, running, alive));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
