package io.hallq.controller.sync;

import io.hallq.controller.Await;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.HallBoard;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A plain Paho client on a hall's board topic: records every message with its arrival time (retained ones
 * included) and can publish to the topic like anyone with write access could, e.g. a malformed payload.
 */
public final class BoardTopicProbe implements AutoCloseable {

    /** One message as it arrived; {@code board} is null when it did not decode. */
    public record Arrival(long nanos, String json, HallBoard board) {}

    private final MqttClient client;
    private final String topic;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    public BoardTopicProbe(String uri, String hall) {
        topic = Topics.board(hall);
        try {
            client = new MqttClient(uri, "board-probe-" + System.nanoTime(), new MemoryPersistence());
            client.connect(new MqttConnectionOptions());
            client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, m) -> {
                        HallBoard b = MqttCodec.decode(m.getPayload(), HallBoard.class) instanceof Decoded.Ok<HallBoard> ok
                                ? ok.value() : null;
                        arrivals.add(new Arrival(System.nanoTime(),
                                new String(m.getPayload(), StandardCharsets.UTF_8), b));
                    }});
        } catch (MqttException e) {
            throw new IllegalStateException("probe cannot subscribe to " + topic + ": " + e, e);
        }
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Waits up to {@code timeout} for a decodable board message matching {@code until}. */
    public HallBoard await(Predicate<HallBoard> until, Duration timeout) {
        java.util.concurrent.atomic.AtomicReference<HallBoard> found = new java.util.concurrent.atomic.AtomicReference<>();
        if (Await.within(timeout, () -> {
            for (Arrival a : arrivals) {
                if (a.board() != null && until.test(a.board())) {
                    found.set(a.board());
                    return true;
                }
            }
            return false;
        })) {
            return found.get();
        }
        throw new AssertionError("no board message on " + topic + " matched within " + timeout + "; got "
                + arrivals.stream().map(a -> a.board() == null ? "(malformed)" : "seq " + a.board().seq()).toList());
    }

    /** Publishes {@code payload} retained, QoS 1, as the hall would (or as a faulty publisher might). */
    public void publishRetained(String payload) {
        try {
            MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            m.setRetained(true);
            client.publish(topic, m);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        } catch (MqttException ignored) {
            // test probe
        }
    }
}
