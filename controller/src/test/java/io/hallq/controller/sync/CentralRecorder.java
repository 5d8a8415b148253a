package io.hallq.controller.sync;

import io.hallq.controller.Await;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * What a central consumer sees: a persistent-session subscriber to every hall's events that deduplicates
 * by sequence the way the contract tells consumers to, and records any gap or malformed message.
 */
public final class CentralRecorder implements AutoCloseable {

    private final MqttAsyncClient client;
    private final Map<String, List<EventMessage>> accepted = new ConcurrentHashMap<>();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    /** Looks once a second whether the client has been disconnected for long ({@link #unstick}). */
    private final java.util.concurrent.ScheduledExecutorService watchdog =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "central-recorder-watchdog");
                t.setDaemon(true);
                return t;
            });
    /** Since when the client has been seen disconnected (System.nanoTime), or 0 while connected. */
    private long downSince;

    public CentralRecorder(String uri, String clientId) {
        this(uri, clientId, null);
    }

    /** Logs in as {@code username} (for brokers with an ACL), or anonymously when null. */
    public CentralRecorder(String uri, String clientId, String username) {
        try {
            client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client.setCallback(PahoClients.subscriber(this::arrived, this::resubscribe));
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(false);
            o.setSessionExpiryInterval(3600L);
            o.setAutomaticReconnect(true);
            o.setAutomaticReconnectDelay(1, 2);
            // Paho's connection timeout bounds only the TCP connect; a reconnect whose CONNECT the restarted
            // broker never answered (mosquitto logged the TCP connection but no client for 20 s, KillDuringOutageIT
            // in CI) waits for ever: the watchdog below gives such an attempt up (UnansweredConnectIT shows it for
            // the product's MqttLink)
            o.setConnectionTimeout(3);
            o.setReceiveMaximum(1000);
            if (username != null) {
                o.setUserName(username);
            }
            client.connect(o).waitForCompletion(10_000);
            client.subscribe(Topics.allHalls("events"), 1).waitForCompletion(10_000);
            watchdog.scheduleWithFixedDelay(this::unstick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    private void arrived(String topic, MqttMessage message) {
        switch (MqttCodec.decode(message.getPayload(), EventMessage.class)) {
            case Decoded.Ok<EventMessage> ok -> onEvent(ok.value());
            case Decoded.Malformed<EventMessage> bad -> problems.add("malformed on " + topic + ": " + bad.reason());
        }
    }

    private void resubscribe() {
        try {
            client.subscribe(Topics.allHalls("events"), 1);
        } catch (MqttException e) {
            problems.add("resubscribe failed: " + e);
        }
    }

    private synchronized void onEvent(EventMessage m) {
        received.incrementAndGet();
        List<EventMessage> list = accepted.computeIfAbsent(m.hall(), h -> new ArrayList<>());
        long last = list.isEmpty() ? 0 : list.get(list.size() - 1).seq();
        if (m.seq() <= last) {
            return;
        }
        if (m.seq() != last + 1) {
            problems.add("gap in " + m.hall() + ": #" + last + " then #" + m.seq());
        }
        list.add(m);
    }

    /** Events of {@code hall} after deduplication, in arrival order. */
    public synchronized List<EventMessage> events(String hall) {
        return List.copyOf(accepted.getOrDefault(hall, List.of()));
    }

    public synchronized long lastSeq(String hall) {
        List<EventMessage> l = accepted.getOrDefault(hall, List.of());
        return l.isEmpty() ? 0 : l.get(l.size() - 1).seq();
    }

    /** Messages received including duplicates. */
    public long received() {
        return received.get();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public static boolean await(BooleanSupplier condition, long timeoutMs) {
        return Await.within(Duration.ofMillis(timeoutMs), condition);
    }

    /**
     * Paho's automatic reconnect retries every 1-2 s, but an attempt whose CONNECT the broker never answers is never
     * given up (Paho 1.2.5 times out only the TCP connect). After 5 s without a connection the attempt in progress
     * is dropped and a new one started; while the broker is down this only repeats a refused connect.
     */
    private void unstick() {
        if (client.isConnected()) {
            downSince = 0;
            return;
        }
        long now = System.nanoTime();
        if (downSince == 0) {
            downSince = now;
            return;
        }
        if (now - downSince < 5_000_000_000L) {
            return;
        }
        downSince = now;
        try {
            client.disconnectForcibly(0, 500, false);
        } catch (MqttException | RuntimeException e) {
            // not connecting after all, or already disconnected
        }
        try {
            client.reconnect();
        } catch (MqttException | RuntimeException e) {
            // Paho's own reconnect got there first, or the broker is still down: the next look tries again
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        PahoClients.closeQuietly(client);
    }
}
