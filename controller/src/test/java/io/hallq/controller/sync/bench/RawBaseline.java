package io.hallq.controller.sync.bench;

import io.hallq.controller.TestHalls;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The baseline of the MQTT benches, measured in the same run: bare Paho clients, one per hall, publishing QoS 1
 * payloads the size of an event message on {@code bench/raw/<n>}, each keyed for the {@link #probe} (the central
 * subscriber) by its first 24 bytes.
 */
final class RawBaseline implements AutoCloseable {

    private final byte[] filler = sample();
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final long[] seq;
    private final Probe probe;

    RawBaseline(String uri, int halls) throws MqttException {
        seq = new long[halls];
        for (int i = 0; i < halls; i++) {
            MqttAsyncClient c = new MqttAsyncClient(uri, "raw-" + i, new MemoryPersistence());
            c.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
            clients.add(c);
        }
        probe = new Probe(uri, "bench/raw/+", (t, p) -> new String(p, 0, 24, StandardCharsets.US_ASCII));
    }

    Probe probe() {
        return probe;
    }

    /** Publishes the next message of client {@code i}; completes when the broker has acknowledged it. */
    CompletableFuture<Void> send(int i) throws MqttException {
        CompletableFuture<Void> f = new CompletableFuture<>();
        publish(i, f);
        return f;
    }

    /** Publishes the next message of client {@code i}; completes when central has received it (paced loop). */
    CompletableFuture<Void> sendPaced(int i) throws MqttException {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        CompletableFuture<Void> arrived = probe.arrival(publish(i, acked));
        return acked.thenCombine(arrived, (a, b) -> null);
    }

    /** Publishes client {@code i}'s next message, stamped for the probe; returns its key. */
    private String publish(int i, CompletableFuture<Void> acked) throws MqttException {
        String key = String.format("%08d%016d", i, ++seq[i]);
        byte[] payload = filler.clone();
        System.arraycopy(key.getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 24);
        probe.sent(key, System.nanoTime());
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        clients.get(i).publish("bench/raw/" + i, m, null, new MqttActionListener() {
            public void onSuccess(IMqttToken t) {
                acked.complete(null);
            }

            public void onFailure(IMqttToken t, Throwable e) {
                acked.completeExceptionally(e);
            }
        });
        return key;
    }

    /** A payload the size of a typical event message. */
    private static byte[] sample() {
        return MqttCodec.encode(EventMessage.of("sh-pudong-01", 123456, new HallEvent.TicketIssued(
                TestHalls.MONDAY_10AM, "A012", "OPEN", "WALKIN", TestHalls.MONDAY_10AM, 3, 540, false, false, null,
                null)));
    }

    @Override
    public void close() throws Exception {
        try {
            probe.close();
        } finally {
            for (MqttAsyncClient c : clients) {
                c.disconnect().waitForCompletion(5000);
                c.close();
            }
        }
    }
}
