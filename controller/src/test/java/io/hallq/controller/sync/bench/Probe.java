package io.hallq.controller.sync.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** The central subscriber of a benchmark run: matches arrivals to send times by key, collects latencies. */
final class Probe implements AutoCloseable {

    interface KeyOf {
        String key(String topic, byte[] payload);
    }

    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final long[] latencies = new long[4_000_000];
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final MqttClient client;
    private volatile boolean recording;

    Probe(String uri, String filter, KeyOf keyOf) throws MqttException {
        client = new MqttClient(uri, "bench-central-" + System.nanoTime(), null);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setReceiveMaximum(65535);
        client.connect(o);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                new IMqttMessageListener[] {(t, m) -> {
                    long now = System.nanoTime();
                    received.incrementAndGet();
                    Long sent = sentAt.remove(keyOf.key(t, m.getPayload()));
                    if (sent != null && recording) {
                        long i = count.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[(int) i] = now - sent;
                        }
                    }
                }});
    }

    void record(boolean on) {
        recording = on;
    }

    long received() {
        return received.get();
    }

    void reset() {
        count.set(0);
        sentAt.clear();
    }

    /** p50 and p99 in milliseconds of what was recorded. */
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
