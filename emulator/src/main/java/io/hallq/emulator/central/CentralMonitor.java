package io.hallq.emulator.central;

import io.hallq.controller.sync.PahoClients;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.HallOnline;
import io.hallq.protocol.mqtt.HallStatus;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * The central side: every hall's retained status and liveness (each copy sees all of them) and the event
 * stream through an MQTT 5 shared subscription (copies in the same group split it). Paho's threads only hand
 * messages to one "central" thread, which owns the table and the CSV.
 */
public final class CentralMonitor implements AutoCloseable {

    private final CentralOptions options;
    private final MqttAsyncClient client;
    private final ExecutorService owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "central"));
    private final Map<String, HallRow> rows = new HashMap<>();
    private final Map<String, SeenSequences> seen = new HashMap<>();
    private final EventCsv csv;
    private final Consumer<EventMessage> tap;

    /** {@code tap} sees every first-time event on the central thread (for tests and tools built on this). */
    public CentralMonitor(CentralOptions options, Consumer<EventMessage> tap) {
        this.options = options;
        this.tap = tap;
        this.csv = options.csv() == null ? null : new EventCsv(options.csv());
        String id = options.clientId() != null ? options.clientId()
                : "hallq-central-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        try {
            client = new MqttAsyncClient(options.broker(), id, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create MQTT client for " + options.broker() + ": " + e, e);
        }
        client.setCallback(new Callback());
    }

    /** Connects (retrying until the broker answers) and subscribes. */
    public void start() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        boolean persistent = options.clientId() != null;
        o.setCleanStart(!persistent);
        o.setSessionExpiryInterval(persistent ? 3600L : 0L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setReceiveMaximum(1000);
        if (options.username() != null) {
            o.setUserName(options.username());
        }
        if (options.password() != null) {
            o.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                client.connect(o).waitForCompletion(15_000);
                return;
            } catch (MqttException e) {
                Logger.warn("cannot reach {} ({}); retrying", options.broker(), e.getMessage());
                sleep(Math.min(30_000, 500L * attempt));
            }
        }
    }

    private void subscribe() {
        try {
            client.subscribe(new MqttSubscription[] {
                new MqttSubscription(Topics.allHalls("status"), 1),
                new MqttSubscription(Topics.allHalls("online"), 1),
                new MqttSubscription(Topics.shared(options.group(), Topics.allHalls("events")), 1)});
        } catch (MqttException e) {
            Logger.warn("subscribe failed: {}", e.getMessage());
        }
    }

    /** The table as text; safe from any thread. */
    public String table() {
        return CompletableFuture.supplyAsync(() -> HallTable.render(List.copyOf(rows.values())), owner).join();
    }

    /** A copy of the rows; safe from any thread. */
    public Map<String, HallRow> rows() {
        return CompletableFuture.supplyAsync(() -> Map.copyOf(rows), owner).join();
    }

    private void onMessage(String topic, byte[] payload) {
        String hall = Topics.hallOf(topic);
        if (hall == null || payload.length == 0) {
            return;
        }
        if (topic.endsWith("/events")) {
            switch (MqttCodec.decode(payload, EventMessage.class)) {
                case Decoded.Ok<EventMessage> ok -> onEvent(ok.value());
                case Decoded.Malformed<EventMessage> bad -> Logger.warn("malformed event on {}: {}", topic, bad.reason());
            }
        } else if (topic.endsWith("/status")) {
            if (MqttCodec.decode(payload, HallStatus.class) instanceof Decoded.Ok<HallStatus> ok) {
                update(hall, r -> r.withStatus(ok.value()));
                // the status says which events exist; anything at or below was handled by some copy
                seen.computeIfAbsent(hall, h -> new SeenSequences()).compactTo(Math.max(0, ok.value().lastSeq() - 10_000));
            }
        } else if (topic.endsWith("/online")) {
            if (MqttCodec.decode(payload, HallOnline.class) instanceof Decoded.Ok<HallOnline> ok) {
                update(hall, r -> r.withOnline(ok.value().online()));
            }
        }
    }

    private void onEvent(EventMessage m) {
        boolean first = seen.computeIfAbsent(m.hall(), h -> new SeenSequences()).firstTime(m.seq());
        update(m.hall(), r -> r.withEvent(m.seq(), !first));
        if (first) {
            if (csv != null) {
                csv.write(m);
            }
            tap.accept(m);
        }
    }

    private void update(String hall, java.util.function.UnaryOperator<HallRow> change) {
        rows.put(hall, change.apply(rows.getOrDefault(hall, HallRow.empty(hall))));
    }

    /** Flushes the CSV; called by the redraw loop. */
    public void flush() {
        if (csv != null) {
            owner.execute(csv::flush);
        }
    }

    @Override
    public void close() {
        PahoClients.closeQuietly(client);
        owner.shutdown();
        try {
            owner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (csv != null) {
            csv.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            try {
                owner.execute(() -> onMessage(topic, payload));
            } catch (RejectedExecutionException closing) {
                // shutting down
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            Logger.info("central connected to {}", serverUri);
            subscribe();
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            Logger.warn("central disconnected: {}", r.getException() == null ? r.getReasonString() : r.getException());
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            Logger.warn("MQTT error: {}", e.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) { }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) { }
    }
}
