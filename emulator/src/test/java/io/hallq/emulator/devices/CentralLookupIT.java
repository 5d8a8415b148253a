package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallModule;
import io.hallq.controller.queue.TicketView;
import io.hallq.controller.sync.CentralPhoneLookup;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.controller.sync.MqttModule;
import io.hallq.emulator.broker.EmbeddedBrokerModule;
import io.hallq.emulator.central.LookupResponder;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.PhoneLookupRequest;
import io.hallq.protocol.mqtt.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brand/VIP lookup through central (issue #14), end to end on the embedded broker: a customer types a number
 * on the emulated dispenser's keypad and presses a service button; the hall asks central with a keyed hash, and
 * the printed ticket's class is central's answer, or the local list's (devices.dispenser.phones: 13900000001 VIP,
 * 13900000002 GOTONE) when central is slow or absent, or the walk-in class. An observer reading every topic of
 * the broker never sees a number in clear.
 */
class CentralLookupIT {

    private static final String KEY = "6f1c9e2a7b3d4f5e8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5";
    /** Central's own customer list: it says GOTONE where the hall's list says VIP, and knows one more VIP. */
    private static final Map<String, String> CENTRAL = Map.of("13900000001", "GOTONE", "13800000009", "VIP");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<byte[]> requests = new CopyOnWriteArrayList<>();
    private MqttClient observer;
    private LookupResponder central;
    private MqttModule mqtt;
    private String uri;

    @AfterEach
    void closeClients() throws Exception {
        if (central != null) {
            central.close();
        }
        if (observer != null && observer.isConnected()) {
            observer.disconnect();
            observer.close();
        }
    }

    private UnaryOperator<String> hallFile(int port, String timeout) throws IOException {
        Path key = dir.resolve("lookup.key");
        Files.writeString(key, KEY + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return y -> y.replace("tcp://127.0.0.1:18830", "tcp://127.0.0.1:" + port)
                .replace("pressInterval: 2s", "pressInterval: 0s")
                .replace("  keepAlive: 30s\n", "  keepAlive: 30s\n  lookup: { keyFile: lookup.key, timeout: "
                        + timeout + " }\n");
    }

    /**
     * The example hall on the embedded broker, looking numbers up centrally with {@code timeout}, and the
     * {@link #observe observer} on the broker ({@link #uri}); the hall's {@link #mqtt} module is kept.
     */
    private HardwareHall startHall(String timeout) throws Exception {
        EmbeddedBrokerModule broker = new EmbeddedBrokerModule();
        mqtt = new MqttModule(broker::uri);
        EmulatedDevices devices = new EmulatedDevices();
        devices.lookUpCentrallyWith(mqtt.centralLookup());
        HardwareHall h = HardwareHall.start(dir, hallFile(Mosquitto.freePort(), timeout),
                List.<HallModule>of(broker, mqtt), devices);
        try {
            uri = broker.uri().orElseThrow().toString();
            observe(uri);
            return h;
        } catch (Exception | AssertionError e) {
            h.close();
            throw e;
        }
    }

    /** Reads everything on the broker, as a capture of the hall's traffic would. */
    private void observe(String broker) throws Exception {
        observer = new MqttClient(broker, "observer-" + System.nanoTime(), new MemoryPersistence());
        observer.connect();
        observer.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription("#", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, m) -> {
            seen.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
            if (topic.endsWith("/lookup/request")) {
                requests.add(m.getPayload());
            }
        }});
    }

    private static TicketView take(HardwareHall h, String phone, String service, int before) {
        h.devices.phoneKeypad().orElseThrow().type(phone + "#");
        h.devices.button(service).orElseThrow().tap();
        HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().tickets().size() == before + 1);
        return h.query(s -> s.liveTickets().stream().max(java.util.Comparator.comparingLong(TicketView::order))
                .orElseThrow());
    }

    private void assertNoClearNumber(String... phones) {
        assertFalse(seen.isEmpty());
        for (String phone : phones) {
            assertTrue(seen.stream().noneMatch(s -> s.contains(phone)), phone + " in clear on MQTT");
        }
    }

    @Test
    void centralAnswers_itsClassWinsOverTheLocalList_andOnlyAKeyedHashCrossesTheBroker() throws Exception {
        try (HardwareHall h = startHall("2s")) {
            central = LookupResponder.start(uri, null, null, KEY.getBytes(StandardCharsets.UTF_8), CENTRAL,
                    Duration.ZERO);
            HardwareHall.await("MQTT connected", WAIT, mqtt::connected);

            assertEquals("GOTONE", take(h, "13900000001", "PLAN", 0).customerClass(), "central's answer wins");
            assertEquals("VIP", take(h, "13800000009", "PLAN", 1).customerClass(), "a VIP only central knows");
            assertEquals("GOTONE", take(h, "13900000002", "PLAN", 2).customerClass(),
                    "central does not know it: the local list");
            assertEquals("WALKIN", take(h, "13700000000", "PLAN", 3).customerClass(), "nobody knows it: walk-in");
            assertEquals(4, central.requests());
            assertEquals(2, central.found());
            assertEquals(new CentralPhoneLookup.Counts(4, 0, 0, 0), mqtt.lookupCounts());

            HardwareHall.await("the observer's copy of the requests", WAIT, () -> requests.size() == 4);
            PhoneLookupRequest first = MqttCodec.decodeOrThrow(requests.get(0), PhoneLookupRequest.class);
            assertEquals(PhoneNumber.parse("13900000001").keyedHash(KEY.getBytes(StandardCharsets.UTF_8)),
                    first.phoneHash());
            assertEquals("sh-pudong-01", first.hall());
            assertTrue(seen.stream().anyMatch(s -> s.startsWith(Topics.lookupReply("sh-pudong-01") + " ")));
            assertNoClearNumber("13900000001", "13800000009", "13900000002", "13700000000");
        }
    }

    @Test
    void centralTooSlow_theTicketGoesOutWithTheLocalListsClassAtTheTimeout_andTheLateAnswerIsIgnored()
            throws Exception {
        try (HardwareHall h = startHall("PT0.3S")) {
            central = LookupResponder.start(uri, null, null, KEY.getBytes(StandardCharsets.UTF_8), CENTRAL,
                    Duration.ofSeconds(2));
            HardwareHall.await("MQTT connected", WAIT, mqtt::connected);

            assertEquals("VIP", take(h, "13900000001", "PLAN", 0).customerClass(),
                    "central did not answer within 300 ms: the local list");
            assertEquals(new CentralPhoneLookup.Counts(0, 1, 0, 0), mqtt.lookupCounts());
            // the late answer arrives and changes nothing
            HardwareHall.await("central's late answer", WAIT, () -> seen.stream()
                    .anyMatch(s -> s.startsWith(Topics.lookupReply("sh-pudong-01") + " ")));
            assertEquals("WALKIN", take(h, "13700000000", "PLAN", 1).customerClass());
            assertEquals("VIP", h.query(s -> s.liveTickets().stream().min(
                    java.util.Comparator.comparingLong(TicketView::order)).orElseThrow().customerClass()));
            assertNoClearNumber("13900000001", "13700000000");
        }
    }

    @Test
    void noCentral_theLocalListThenWalkIn() throws Exception {
        try (HardwareHall h = startHall("PT0.3S")) {
            HardwareHall.await("MQTT connected", WAIT, mqtt::connected);
            // nobody answers: each lookup waits out its 300 ms, then the local list, then walk-in
            assertEquals("WALKIN", take(h, "13700000000", "PLAN", 0).customerClass());
            assertEquals("GOTONE", take(h, "13900000002", "PLAN", 1).customerClass());
            assertEquals(new CentralPhoneLookup.Counts(0, 2, 0, 0), mqtt.lookupCounts());
            HardwareHall.await("the observer's copy of the requests", WAIT, () -> requests.size() == 2);
            assertNoClearNumber("13700000000", "13900000002");
        }
    }
}
