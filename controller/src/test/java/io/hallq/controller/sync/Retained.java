package io.hallq.controller.sync;

import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.MqttCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Reads a topic (retained value first) until a message satisfies a condition. */
public final class Retained {

    private Retained() {}

    public static <T> T await(String uri, String topic, Class<T> type, Predicate<T> until) {
        CompletableFuture<T> found = new CompletableFuture<>();
        MqttClient c = null;
        try {
            c = new MqttClient(uri, "probe-" + System.nanoTime(), null);
            c.connect(new MqttConnectionOptions());
            c.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription(topic, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, m) -> {
                    if (MqttCodec.decode(m.getPayload(), type) instanceof Decoded.Ok<T> ok && until.test(ok.value())) {
                        found.complete(ok.value());
                    }
                }});
            return found.get(15, TimeUnit.SECONDS);
        } catch (MqttException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing matching on " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (c != null) {
                try {
                    c.disconnect();
                    c.close();
                } catch (MqttException ignored) {
                    // probe client
                }
            }
        }
    }
}
