package io.hallq.emulator.central;

import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.PhoneLookupReply;
import io.hallq.protocol.mqtt.PhoneLookupRequest;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.tinylog.Logger;

/**
 * Central's side of the brand/VIP lookup, for the emulator and tests ({@code hallq central --lookup-key ...}): reads
 * {@code hallq/v1/+/lookup/request}, matches the keyed hash against its own customer list (hashed once under the
 * key it shares with the halls, so it never needs a number from the wire) and answers on the hall's
 * {@code lookup/reply}. Answers are sent from a thread of its own, never from Paho's callback thread (publishing
 * from it can deadlock the client). An optional delay makes it a slow central, for the timeout tests.
 */
public final class LookupResponder implements AutoCloseable {

    private final MqttClient client;
    private final Map<String, String> classByHash = new HashMap<>();
    private final Duration delay;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService answering = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lookup-responder");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong found = new AtomicLong();

    /**
     * @param key    the lookup key shared with the halls
     * @param phones central's customer list: phone number -> class code
     * @param delay  how long to wait before answering (zero: at once)
     */
    private LookupResponder(MqttClient client, byte[] key, Map<String, String> phones, Duration delay) {
        this.client = client;
        this.delay = delay;
        phones.forEach((phone, cls) -> classByHash.put(PhoneNumber.parse(phone).keyedHash(key), cls));
    }

    public static LookupResponder start(String broker, String username, String password, byte[] key,
                                        Map<String, String> phones, Duration delay) throws MqttException {
        MqttClient client = new MqttClient(broker, "central-lookup-" + System.nanoTime(), new MemoryPersistence());
        LookupResponder r = new LookupResponder(client, key, phones, delay);
        client.setCallback(io.hallq.controller.sync.PahoClients.subscriber((topic, message) -> {
            byte[] payload = message.getPayload();
            r.answering.schedule(() -> r.answer(topic, payload), delay.toMillis(), TimeUnit.MILLISECONDS);
        }, r::resubscribe));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(true);
        o.setCleanStart(true);
        if (username != null) {
            o.setUserName(username);
            if (password != null) {
                o.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
        }
        client.connect(o);
        r.subscribe();
        return r;
    }

    /**
     * Paho 1.2.5's {@code MqttClient.subscribe(String, int)} calls itself until the stack overflows: subscribe
     * with the array form.
     */
    private void subscribe() throws MqttException {
        client.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription(Topics.allHalls("lookup/request"), 1)});
    }

    private void resubscribe() {
        try {
            subscribe();
        } catch (MqttException e) {
            Logger.warn("Phone lookup: subscribing again failed: {}", e.getMessage());
        }
    }

    /** Requests seen and those answered with a class. */
    public long requests() {
        return requests.get();
    }

    public long found() {
        return found.get();
    }

    private void answer(String topic, byte[] payload) {
        String hall = Topics.hallOf(topic);
        if (hall == null || !Topics.isSegment(hall) || !topic.equals(Topics.lookupRequest(hall))) {
            return;
        }
        if (!(MqttCodec.decode(payload, PhoneLookupRequest.class) instanceof Decoded.Ok<PhoneLookupRequest> ok)
                || !ok.value().hall().equals(hall)) {
            Logger.warn("Malformed phone lookup request on {} ignored", topic);
            return;
        }
        requests.incrementAndGet();
        String cls = classByHash.get(ok.value().phoneHash());
        if (cls != null) {
            found.incrementAndGet();
        }
        PhoneLookupReply reply = new PhoneLookupReply(MqttCodec.VERSION, hall, ok.value().id(), cls != null, cls,
                clock.instant());
        try {
            MqttMessage m = new MqttMessage(MqttCodec.encode(reply));
            m.setQos(1);
            client.publish(Topics.lookupReply(hall), m);
        } catch (MqttException e) {
            Logger.warn("Phone lookup answer to {} not sent: {}", hall, e.getMessage());
        }
    }

    @Override
    public void close() {
        answering.shutdownNow();
        try {
            client.disconnect();
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
