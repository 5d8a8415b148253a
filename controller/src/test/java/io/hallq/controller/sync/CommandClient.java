package io.hallq.controller.sync;

import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * An issuer (central, a manager) sending commands with MQTT 5 request/response. Commands given as JSON without
 * an {@code id} get a fresh one and {@code issuedAt} from the clock (the hall's, in tests with a test clock).
 */
public final class CommandClient implements AutoCloseable {

    private final MqttClient client;
    private final String issuer;
    private final Clock clock;
    private final Map<String, CompletableFuture<CommandResponse>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public CommandClient(String uri, String issuer) {
        this(uri, issuer, Clock.systemUTC());
    }

    public CommandClient(String uri, String issuer, Clock clock) {
        this(uri, issuer, clock, null);
    }

    /** Logging in as {@code username} (no password) when not null. */
    public CommandClient(String uri, String issuer, Clock clock, String username) {
        this.issuer = issuer;
        this.clock = clock;
        try {
            client = new MqttClient(uri, "cmd-" + issuer + "-" + System.nanoTime(), null);
            MqttConnectionOptions o = new MqttConnectionOptions();
            if (username != null) {
                o.setUserName(username);
            }
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
            client.connect(o);
            client.subscribe(Topics.replyFilter(issuer), 1);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code json} with an {@code id} and {@code issuedAt} put in front when it has no id of its own. */
    public String withEnvelope(String json) {
        String t = json.strip();
        if (!t.startsWith("{") || t.contains("\"id\"")) {
            return json;
        }
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"issuedAt\":\"" + clock.instant() + "\","
                + t.substring(1);
    }

    /**
     * Waits (up to 20 s) until {@code hall} answers a RequestStats, in a version-1 envelope issued now by this
     * client's clock: its command subscription is in place (connected comes before the SUBACK).
     */
    public void awaitAnswering(String hall) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String stats = "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"issuedAt\":\"" + clock.instant()
                    + "\",\"command\":{\"type\":\"RequestStats\"}}";
            if (sendRaw(hall, stats.getBytes(StandardCharsets.UTF_8), m -> { }, 1000).isPresent()) {
                return;
            }
        }
        throw new AssertionError("the hall does not answer commands");
    }

    /** Sends {@code json} (given an id and issue time when it has none) and waits for the response. */
    public CommandResponse send(String hall, String json) {
        return send(hall, withEnvelope(json).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes as a command to {@code hall} and waits for the response. */
    public CommandResponse send(String hall, byte[] payload) {
        return sendRaw(hall, payload, m -> { }, 10_000)
                .orElseThrow(() -> new IllegalStateException("no response from " + hall));
    }

    /**
     * Publishes {@code payload} on the issuer's command topic with our reply topic and a fresh correlation
     * data, after {@code tweak} (retain, another response topic, ...), and waits up to {@code waitMs} for the answer.
     */
    public Optional<CommandResponse> sendRaw(String hall, byte[] payload, Consumer<MqttMessage> tweak, long waitMs) {
        return sendOn(Topics.command(hall, issuer), payload, tweak, waitMs);
    }

    /** As {@link #sendRaw}, on any topic (the response topic is the one of the topic's hall). */
    public Optional<CommandResponse> sendOn(String topic, byte[] payload, Consumer<MqttMessage> tweak, long waitMs) {
        String hall = Topics.hallOf(topic);
        String id = issuer + "-" + ids.incrementAndGet();
        CompletableFuture<CommandResponse> f = new CompletableFuture<>();
        waiting.put(id, f);
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(Topics.reply(hall, issuer));
        p.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
        m.setProperties(p);
        tweak.accept(m);
        try {
            client.publish(topic, m);
            return Optional.of(f.get(waitMs, TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            waiting.remove(id);
            return Optional.empty();
        } catch (MqttException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("no response to " + id + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting; the future completes with the response. */
    public CompletableFuture<CommandResponse> sendAsync(String hall, String json) {
        String id = issuer + "-" + ids.incrementAndGet();
        CompletableFuture<CommandResponse> f = new CompletableFuture<>();
        waiting.put(id, f);
        MqttMessage m = new MqttMessage(withEnvelope(json).getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(Topics.reply(hall, issuer));
        p.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
        m.setProperties(p);
        try {
            client.publish(Topics.command(hall, issuer), m);
        } catch (MqttException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    public MqttClient paho() {
        return client;
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
