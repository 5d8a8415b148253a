package io.hallq.controller.sync.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * The central subscriber of a benchmark run: matches arrivals to send times by key, collects latencies.
 *
 * <p>A send time is stamped with {@link #sent}. The halls stamp when the caller learns its event is durable, and
 * the event may reach central before that (the answer and the event leave the writer on different threads): such
 * an arrival is kept until its stamp and counted as a latency of zero ({@link #early}), instead of being lost and
 * leaving its stamp unmatched for ever (which dropped the fastest samples from the percentiles).
 */
final class Probe implements AutoCloseable {

    interface KeyOf {
        String key(String topic, byte[] payload);
    }

    /** A stamp waiting for its arrival, or an arrival waiting for its stamp. */
    private record Half(boolean arrived, long nanos) {}

    private final Map<String, Half> unmatched = new ConcurrentHashMap<>();
    private final long[] latencies = new long[4_000_000];
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong early = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    /** Every key that has arrived: a message that arrives again (an outbox's resend) is not counted again. */
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    private final MqttClient client;
    private volatile boolean recording;
    /** While {@link #pacing}: an arrival's future, made by whichever of the arrival and its waiter comes first. */
    private final Map<String, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();
    private volatile boolean pacing;

    Probe(String uri, String filter, KeyOf keyOf) throws MqttException {
        client = new MqttClient(uri, "bench-central-" + System.nanoTime(), null);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setReceiveMaximum(65535);
        client.connect(o);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                new IMqttMessageListener[] {(t, m) -> {
                    long now = System.nanoTime();
                    String key = keyOf.key(t, m.getPayload());
                    if (!seen.add(key)) {
                        duplicates.incrementAndGet(); // a resend (stall, reconnect): counted once
                        return;
                    }
                    received.incrementAndGet();
                    Half sent = match(key, new Half(true, now));
                    if (sent != null) {
                        sample(now - sent.nanos());
                    }
                    if (pacing) {
                        arrivals.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(null);
                    }
                }});
    }

    /** The message of {@code key} was sent (or made durable) at {@code nanos}. */
    void sent(String key, long nanos) {
        Half arrived = match(key, new Half(false, nanos));
        if (arrived != null) {
            early.incrementAndGet();
            sample(Math.max(0, arrived.nanos() - nanos));
        }
    }

    /**
     * Completes when the message of {@code key} has reached central (at once if it already has, while pacing):
     * the paced closed loop waits on it. Completes on the probe's receiving thread.
     */
    CompletableFuture<Void> arrival(String key) {
        CompletableFuture<Void> f = arrivals.computeIfAbsent(key, k -> new CompletableFuture<>());
        return f.whenComplete((ok, err) -> arrivals.remove(key, f));
    }

    /** Arrivals are kept for {@link #arrival} from now on ({@code true}), or no longer and forgotten. */
    void pacing(boolean on) {
        pacing = on;
        if (!on) {
            arrivals.clear();
        }
    }

    /** Keeps {@code half} of {@code key}, or takes and returns the other half when it is there already. */
    private Half match(String key, Half half) {
        Half[] other = {null};
        unmatched.compute(key, (k, v) -> {
            if (v == null || v.arrived() == half.arrived()) {
                return half;
            }
            other[0] = v;
            return null;
        });
        return other[0];
    }

    private void sample(long nanos) {
        if (recording) {
            long i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[(int) i] = nanos;
            }
        }
    }

    void record(boolean on) {
        recording = on;
    }

    /** Distinct messages received so far (duplicates left out). */
    long received() {
        return received.get();
    }

    /** Arrivals of a message that had arrived before (resends), since the start. */
    long duplicates() {
        return duplicates.get();
    }

    /** Stamped messages that have not arrived yet. */
    int pending() {
        return (int) unmatched.values().stream().filter(h -> !h.arrived()).count();
    }

    /** Arrivals of the recorded window that came before their stamp (counted as zero latency). */
    long early() {
        return early.get();
    }

    void reset() {
        count.set(0);
        early.set(0);
        unmatched.clear();
    }

    /** p50 and p99 in milliseconds of what was recorded, and the number of samples. */
    double[] percentiles() {
        int n = (int) Math.min(count.get(), latencies.length);
        long[] l = Arrays.copyOf(latencies, n);
        Arrays.sort(l);
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        return new double[] {l[n / 2] / 1e6, l[Math.min(n - 1, (int) (n * 0.99))] / 1e6, n};
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
