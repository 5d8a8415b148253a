package io.hallq.controller.sync.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two loads of the MQTT benches, the same for the halls and for their bare-Paho baseline. The pauses here
 * are the benchmark's measurement windows, its warm-up and the time left to drain, not waits on a condition.
 */
final class Loads {

    private Loads() {}

    /** Sends the next message of hall {@code hall}; the future completes when it is acknowledged (durable). */
    interface Sender {
        CompletableFuture<?> send(int hall) throws Exception;
    }

    /**
     * A fixed offered rate, {@code perHall} a second from each of {@code halls} halls in turn, for {@code seconds};
     * returns the probe's {p50, p99, samples} of the latencies, with 2 s left for the last ones to arrive.
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
        s.shutdownNow();
        Thread.sleep(2000); // the last messages arrive
        probe.record(false);
        return probe.percentiles();
    }

    /**
     * Every hall sends its next as soon as the previous is acknowledged (durable); returns central's rate over
     * {@code seconds} after a 2 s warm-up, then leaves 3 s for the loops to drain.
     */
    static double closed(Probe probe, int halls, int seconds, Sender send) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        for (int i = 0; i < halls; i++) {
            loop(i, send, running);
        }
        Thread.sleep(2000); // warm-up
        long start = probe.received();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window
        long got = probe.received() - start;
        double rate = got / ((System.nanoTime() - t0) / 1e9);
        running.set(false);
        Thread.sleep(3000); // the loops drain before the next measurement
        return rate;
    }

    private static void loop(int i, Sender send, AtomicBoolean running) {
        if (!running.get()) {
            return;
        }
        try {
            send.send(i).whenComplete((ok, err) -> loop(i, send, running));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
