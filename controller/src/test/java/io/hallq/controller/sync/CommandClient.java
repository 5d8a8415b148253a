package io.hallq.controller.sync;

import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** An issuer (central, a manager) sending commands with MQTT 5 request/response. */
public final class CommandClient implements AutoCloseable {

    private final MqttClient client;
    private final String issuer;
    private final String replies;
    private final Map<String, CompletableFuture<CommandResponse>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public CommandClient(String uri, String issuer) {
        this.issuer = issuer;
        this.replies = Topics.replies(issuer);
        try {
            client = new MqttClient(uri, "cmd-" + issuer + "-" + System.nanoTime(), null);
            client.connect(new MqttConnectionOptions());
            client.subscribe(replies, 1);
            client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                public void messageArrived(String t, MqttMessage m) {
                    byte[] corr = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
                    CompletableFuture<CommandResponse> f =
                            corr == null ? null : waiting.remove(new String(corr, StandardCharsets.UTF_8));
                    if (f != null) {
                        f.complete(MqttCodec.decodeOrThrow(m.getPayload(), CommandResponse.class));
                    }
                }
                public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) { }
                public void mqttErrorOccurred(MqttException e) { }
                public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) { }
                public void connectComplete(boolean r, String s) { }
                public void authPacketArrived(int c, MqttProperties p) { }
            });
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes as a command to {@code hall} and waits for the response. */
    public CommandResponse send(String hall, byte[] payload) {
        String id = issuer + "-" + ids.incrementAndGet();
        CompletableFuture<CommandResponse> f = new CompletableFuture<>();
        waiting.put(id, f);
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(replies);
        p.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
        m.setProperties(p);
        try {
            client.publish(Topics.command(hall, issuer), m);
            return f.get(10, TimeUnit.SECONDS);
        } catch (MqttException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no response to " + id + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CommandResponse send(String hall, String json) {
        return send(hall, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // test client
        }
    }
}
