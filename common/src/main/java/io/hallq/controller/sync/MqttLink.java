package io.hallq.controller.sync;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * The one place that talks to Paho. Paho's threads only copy what arrived and hand it to the owner's
 * single-threaded executor; connecting, reconnecting with backoff and re-subscribing after every connect
 * happen here, so the rest of the sync package never sees a Paho type or thread.
 */
public final class MqttLink implements AutoCloseable {

    /**
     * The will, and what to publish first after each connect; supplied anew per attempt (birth numbers). A
     * supplier returning null means neither (a client that only listens).
     */
    public record Birth(Outgoing will, Outgoing birth) {}

    private static final int OTHER_PUBLISHES = 4;

    /**
     * The largest packet we take from the broker (MQTT 5 Maximum Packet Size on CONNECT): the broker drops a
     * larger message for us instead of forwarding it. Paho 1.2.5 reads a property's length as a signed 16-bit
     * number, so a correlation data or response topic over 32,767 bytes (MQTT 5 allows 65,535) throws
     * NegativeArraySizeException in its receive thread, which then dies while the connection looks up: nothing
     * arrives until the keepalive runs out. Below 32 KiB no property can be that long. What a hall or a board
     * receives (commands, neighbours' status and liveness, the board) is a few KiB.
     */
    public static final long MAX_INBOUND_PACKET = 32 * 1024;
    /** How often the receive thread is looked at ({@link #checkReceiver}). */
    static final long RECEIVER_CHECK_MS = 1000;
    /**
     * How long a connect attempt may wait for the broker's CONNACK. Paho 1.2.5's connection timeout bounds only
     * the TCP connect: a broker (or anything between) that accepts the connection and never answers CONNECT leaves
     * the attempt waiting for ever, with neither success nor failure reported, so the link would never retry. Past
     * this, the attempt is dropped and the next one scheduled with the usual backoff ({@link #connectUnanswered}).
     */
    static final long CONNACK_TIMEOUT_MS = 10_000;

    private final MqttSettings settings;
    private final ScheduledExecutorService owner;
    private final LinkListener listener;
    private final List<String> subscriptions;
    private final Supplier<Birth> births;
    private final MqttAsyncClient client;
    private volatile boolean closed;
    /** Failures in a row, against the settings' {@link ReconnectPolicy} (owner thread only). */
    private final ReconnectPolicy.Attempts attempts;
    /** Counts sessions, so that a SUBACK of an earlier session is not taken for the current one's. */
    private int session;
    /** True from a connect until its loss is handled (owner thread only). */
    private boolean up;
    private java.util.concurrent.ScheduledFuture<?> receiverCheck;
    /** Paho's receive thread as last found by {@link #receiverAlive} (owner thread only). */
    private Thread receiver;
    /** Counts connect attempts; {@link #attemptOpen} while the latest one has had no answer (owner thread only). */
    private int attempt;
    private boolean attemptOpen;
    private final long connackTimeoutMs;

    public MqttLink(MqttSettings settings, ScheduledExecutorService owner, LinkListener listener,
                    List<String> subscriptions, Supplier<Birth> births) {
        this(settings, owner, listener, subscriptions, births, CONNACK_TIMEOUT_MS);
    }

    /** @param connackTimeoutMs how long a connect attempt waits for CONNACK ({@link #CONNACK_TIMEOUT_MS}; tests) */
    MqttLink(MqttSettings settings, ScheduledExecutorService owner, LinkListener listener,
             List<String> subscriptions, Supplier<Birth> births, long connackTimeoutMs) {
        this.connackTimeoutMs = connackTimeoutMs;
        this.settings = settings;
        this.owner = owner;
        this.listener = listener;
        this.subscriptions = List.copyOf(subscriptions);
        this.births = births;
        this.attempts = settings.reconnect().attempts();
        try {
            this.client = new MqttAsyncClient(settings.broker().toString(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create MQTT client for " + settings.broker() + ": " + e, e);
        }
        client.setCallback(new Callbacks());
    }

    /** Starts connecting in the background; a broker that is down is retried with backoff, forever. */
    public void start() {
        owner.execute(this::connect);
        receiverCheck = owner.scheduleWithFixedDelay(this::checkReceiver, RECEIVER_CHECK_MS, RECEIVER_CHECK_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Paho's receive thread ("MQTT Rec: <client id>") can die on input it cannot parse while the client still
     * says it is connected (see {@link #MAX_INBOUND_PACKET}; a broker that ignores that limit, or another bug).
     * Then nothing would arrive until the keepalive runs out, a minute or more. Looked at every second: when it
     * is gone, the connection is dropped and made again at once.
     */
    private void checkReceiver() {
        if (closed || !up || !client.isConnected() || receiverAlive()) {
            return;
        }
        Logger.error("MQTT: Paho's receive thread for {} died while connected to {}; dropping the connection"
                + " and connecting again", settings.clientId(), settings.broker());
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
            Logger.debug("MQTT forced disconnect: {}", e.toString());
        }
        lost("receive thread died");
    }

    /**
     * Whether Paho's receive thread is alive. The thread found last is remembered (owner thread only), and the
     * JVM's threads are searched only when it is gone (a new connection has a new one) or none was found yet: a
     * search walks every thread of the process, and a process with many links (the 200-hall benchmark: about
     * 2,600 threads) would otherwise do that once a second per link.
     */
    private boolean receiverAlive() {
        Thread known = receiver;
        if (known != null && known.isAlive()) {
            return true;
        }
        receiver = findReceiver();
        return receiver != null;
    }

    private Thread findReceiver() {
        String name = "MQTT Rec: " + settings.clientId();
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (name.equals(threads[i].getName()) && threads[i].isAlive()) {
                return threads[i];
            }
        }
        return null;
    }

    /** The end of a session, once, however it was noticed. */
    private void lost(String why) {
        if (!up) {
            return;
        }
        up = false;
        listener.disconnected(why);
        retry(why);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes; the future completes when the broker acknowledged (QoS 1) or the message left (QoS 0). */
    public CompletableFuture<Void> publish(Outgoing out) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttMessage m = new MqttMessage(out.payload());
        m.setQos(out.qos());
        m.setRetained(out.retained());
        if (out.correlationData() != null) {
            MqttProperties p = new MqttProperties();
            p.setCorrelationData(out.correlationData());
            m.setProperties(p);
        }
        try {
            client.publish(out.topic(), m, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Hands work from a Paho thread to the owner; after close there is nobody to hand it to. */
    private void hand(Runnable work) {
        if (closed) {
            return;
        }
        try {
            owner.execute(work);
        } catch (RejectedExecutionException shuttingDown) {
            // the module is closing
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        Birth birth = births.get();
        int mine = ++attempt;
        attemptOpen = true;
        try {
            client.connect(options(birth == null ? null : birth.will()), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    Integer rm = token.getResponseProperties() == null ? null
                            : token.getResponseProperties().getReceiveMaximum();
                    hand(() -> answered(mine, () -> connected(birth, rm == null ? 65535 : rm)));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    hand(() -> answered(mine, () -> retry("connect failed: " + e.getMessage())));
                }
            });
            owner.schedule(() -> connectUnanswered(mine), connackTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (MqttException | RuntimeException e) {
            attemptOpen = false;
            retry("connect failed: " + e.getMessage());
        }
    }

    /** Runs what answers attempt {@code mine}, unless that attempt was given up already ({@link #connectUnanswered}). */
    private void answered(int mine, Runnable then) {
        if (mine != attempt || !attemptOpen) {
            Logger.debug("MQTT: a late answer to connect attempt {} (now {}), ignored", mine, attempt);
            return;
        }
        attemptOpen = false;
        then.run();
    }

    /**
     * Attempt {@code mine} still has no answer after {@link #CONNACK_TIMEOUT_MS}: the broker took the TCP connection
     * and did not answer CONNECT. Paho would wait for ever; the connection is dropped and the next attempt
     * scheduled.
     */
    private void connectUnanswered(int mine) {
        if (closed || mine != attempt || !attemptOpen) {
            return;
        }
        attemptOpen = false;
        Logger.warn("MQTT: {} did not answer CONNECT within {} ms; dropping the connection", settings.broker(),
                connackTimeoutMs);
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
            Logger.debug("MQTT forced disconnect of an unanswered connect: {}", e.toString());
        }
        retry("no CONNACK within " + connackTimeoutMs + " ms");
    }

    private void connected(Birth birth, int receiveMaximum) {
        attempts.reset();
        session++;
        up = true;
        Logger.info("MQTT connected to {} as {}", settings.broker(), settings.clientId());
        for (String filter : subscriptions) {
            subscribe(filter, session);
        }
        if (birth != null) {
            publish(birth.birth());
        }
        // keep a few of the broker's slots for status, stats, device health and command responses
        listener.connected(Math.max(1, Math.min(settings.maxInflight(), receiveMaximum - OTHER_PUBLISHES)));
    }

    /**
     * Subscribes without waiting: the SUBACK is checked on Paho's thread and a refusal handed to the owner. A
     * refused subscription is not retried within the session (the broker's answer comes from its configuration);
     * the next connect subscribes again.
     */
    private void subscribe(String filter, int inSession) {
        try {
            // Retain As Published: a retained message keeps its flag also when it reaches an existing
            // subscription, so a command published retained is recognised (and refused) at once, not only at
            // the next connect
            org.eclipse.paho.mqttv5.common.MqttSubscription sub = new org.eclipse.paho.mqttv5.common.MqttSubscription(
                    filter, 1);
            sub.setRetainAsPublished(true);
            client.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {sub}, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    int code = codes == null || codes.length == 0 ? 0 : codes[0];
                    if (code >= 0x80) {
                        hand(() -> refused(filter, inSession, code, null));
                    } else {
                        hand(() -> {
                            if (inSession == session) {
                                listener.subscriptionGranted(filter);
                            }
                        });
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    int code = e instanceof MqttException me ? me.getReasonCode() : -1;
                    hand(() -> refused(filter, inSession, code, e.getMessage()));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            refused(filter, inSession, e.getReasonCode(), e.getMessage());
        } catch (RuntimeException e) {
            refused(filter, inSession, -1, e.toString());
        }
    }

    private void refused(String filter, int inSession, int code, String message) {
        if (inSession != session || !client.isConnected()) {
            // the session is over (the disconnect is reported on its own); the next connect subscribes again
            Logger.debug("MQTT subscription to {} of an ended session: {} {}", filter, code, message);
            return;
        }
        String reason = reasonOf(code) + (message == null ? "" : " (" + message + ")");
        Logger.error("MQTT subscription to '{}' refused by {}: {}; nothing arrives on it until the next connect"
                + " subscribes again (check the broker's ACL for {})", filter, settings.broker(), reason,
                settings.username().orElse(settings.clientId()));
        listener.subscriptionRefused(filter, code, reason);
    }

    /** The reason code as MQTT 5 names it (SUBACK), with its number; Paho's own failures by their number. */
    static String reasonOf(int code) {
        String name = switch (code) {
            case 0x80 -> "unspecified error";
            case 0x83 -> "implementation specific error";
            case 0x87 -> "not authorized";
            case 0x8F -> "topic filter invalid";
            case 0x91 -> "packet identifier in use";
            case 0x97 -> "quota exceeded";
            case 0x9E -> "shared subscriptions not supported";
            case 0xA1 -> "subscription identifiers not supported";
            case 0xA2 -> "wildcard subscriptions not supported";
            default -> code >= 0x80 && code <= 0xFF ? "refused" : "failed in the client";
        };
        return code < 0 ? name : String.format("reason code 0x%02X %s", code, name);
    }

    private void retry(String why) {
        if (closed) {
            return;
        }
        long delay = attempts.failed(ThreadLocalRandom.current()).toMillis();
        Logger.info("MQTT {}; retrying in {} ms", why, delay);
        try {
            owner.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // closing: no more attempts
        }
    }

    private MqttConnectionOptions options(Outgoing will) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // Clean start: otherwise Paho redelivers its old in-flight publishes on top of the outbox's resend from
        // the cursor, goes past the broker's Receive Maximum, and Mosquitto drops the connection (protocol error)
        // on every reconnect. The outbox is the one source of resends.
        o.setCleanStart(true);
        o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(false);
        o.setMaximumPacketSize(MAX_INBOUND_PACKET);
        settings.username().ifPresent(o::setUserName);
        settings.password().ifPresent(p -> o.setPassword(p.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        settings.tls().ifPresent(t -> o.setSocketFactory(TlsSockets.factory(t)));
        if (will != null) {
            MqttMessage w = new MqttMessage(will.payload());
            w.setQos(1);
            w.setRetained(true);
            o.setWill(will.topic(), w);
        }
        return o;
    }

    /** Publishes {@code last} (e.g. the offline notice), then disconnects cleanly so the will is not sent. */
    public void close(Outgoing last) {
        closed = true;
        if (receiverCheck != null) {
            receiverCheck.cancel(false);
        }
        try {
            if (client.isConnected()) {
                if (last != null) {
                    publish(last).get(2, TimeUnit.SECONDS);
                }
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Logger.debug("MQTT disconnect: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("MQTT close: {}", e.toString());
        }
    }

    @Override
    public void close() {
        close(null);
    }

    private final class Callbacks implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            String why = "disconnected: " + r.getReasonString() + " " + r.getException();
            hand(() -> {
                if (!client.isConnected()) { // else a late report of a session already replaced
                    lost(why);
                }
            });
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            Logger.warn("MQTT error: {}", e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) {
            MqttProperties p = m.getProperties();
            Inbound in = new Inbound(topic, m.getPayload(), p == null ? null : p.getResponseTopic(),
                    p == null ? null : p.getCorrelationData(), m.isRetained());
            hand(() -> listener.message(in));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // completion is reported through each publish's own listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // handled by the connect listener, which also knows the broker's Receive Maximum
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
