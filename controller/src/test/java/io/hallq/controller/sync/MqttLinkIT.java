package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MqttLink}'s SUBACK check against a real Debian Mosquitto whose dynamic security plugin refuses some
 * subscriptions (reason code 0x87 not authorized; see {@link Mosquitto#refusingSubscriptions}).
 */
class MqttLinkIT {

    private static final String REFUSED = "hallq/v1/link-hall/board";
    private static final String GRANTED = "hallq/v1/link-hall/online";

    @TempDir
    Path dir;

    private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
    private Mosquitto broker;
    private MqttLink link;

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
        owner.shutdownNow();
        if (broker != null) {
            broker.close();
        }
    }

    /** Records what the link reports, from the owner thread. */
    private static final class Recorder implements LinkListener {
        final AtomicInteger connects = new AtomicInteger();
        final Map<String, String> refused = new ConcurrentHashMap<>();
        final Map<String, Integer> refusedCodes = new ConcurrentHashMap<>();
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void connected(int window) {
            refused.clear();
            refusedCodes.clear();
            connects.incrementAndGet();
        }

        @Override
        public void disconnected(String why) { }

        @Override
        public void subscriptionRefused(String filter, int reasonCode, String reason) {
            refused.put(filter, reason);
            refusedCodes.put(filter, reasonCode);
        }

        @Override
        public void message(Inbound in) {
            messages.add(in.topic() + " " + new String(in.payload(), StandardCharsets.UTF_8));
        }
    }

    private static MqttSettings settings(String uri) {
        return new MqttSettings(true, URI.create(uri), false, "link-" + System.nanoTime(), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(10), 10,
                Duration.ofMillis(200), Duration.ofSeconds(1), Map.of(), List.of());
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(20), condition);
    }

    private static void publish(String uri, String topic, String text) throws Exception {
        MqttClient c = new MqttClient(uri, "pub-" + System.nanoTime(), null);
        c.connect(new MqttConnectionOptions());
        c.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
        c.disconnect();
        c.close();
    }

    @Test
    void refusedSubscription_isReportedWithItsFilterAndReasonCode_theOthersStillDeliver_andTheNextConnectSubscribesAgain()
            throws Exception {
        Path policy = dir.resolve("dynsec.json");
        broker = Mosquitto.start(dir.resolve("broker"), Mosquitto.refusingSubscriptions(policy, List.of(REFUSED)));
        Recorder seen = new Recorder();
        link = new MqttLink(settings(broker.uri()), owner, seen, List.of(REFUSED, GRANTED), () -> null);
        link.start();

        await("the refusal is reported", () -> seen.refused.containsKey(REFUSED));
        assertEquals(0x87, seen.refusedCodes.get(REFUSED));
        assertTrue(seen.refused.get(REFUSED).contains("0x87 not authorized"), seen.refused.toString());
        assertEquals(List.of(REFUSED), List.copyOf(seen.refused.keySet()), "only the refused filter is reported");
        // one publisher, one broker: had the refused topic been delivered, it would arrive before the granted one
        publish(broker.uri(), REFUSED, "refused");
        publish(broker.uri(), GRANTED, "granted");
        await("the granted subscription delivers", () -> seen.messages.contains(GRANTED + " granted"));
        assertEquals(List.of(GRANTED + " granted"), List.copyOf(seen.messages));

        // the broker's policy is fixed and it restarts: the link reconnects and subscribes to everything again
        broker.stop();
        Mosquitto.refuseSubscriptions(policy, List.of());
        broker.start();
        await("reconnected", () -> seen.connects.get() >= 2 && link.isConnected());
        await("the once refused subscription delivers", () -> {
            try {
                publish(broker.uri(), REFUSED, "now granted");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            // granted a moment after the reconnect, perhaps: if this one is not delivered, publish again
            return Await.within(Duration.ofMillis(500), () -> seen.messages.contains(REFUSED + " now granted"));
        });
        assertTrue(seen.refused.isEmpty(), "nothing refused in the new session: " + seen.refused);
    }

    @Test
    void hallWhoseCommandSubscriptionIsRefused_reportsIt_asADeviceAlarm_clearedWhenTheBrokerGrantsIt() {
        String hallId = "refused-hall";
        String commands = Topics.commandFilter(hallId);
        Path policy = dir.resolve("dynsec.json");
        broker = Mosquitto.start(dir.resolve("broker"), Mosquitto.refusingSubscriptions(policy, List.of(commands)));
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        String alarmId = QueueEngine.DEVICE_ALARM_PREFIX + MqttModule.LINK_DEVICE;
        try (SyncHalls.Running hall = SyncHalls.start(
                SyncHalls.loaded(hallId, dir.resolve("hall"), SyncHalls.mqtt(broker.uri(), "")), clock)) {
            await("the hall knows its commands are refused",
                    () -> hall.mqtt().refusedSubscriptions().containsKey(commands));
            assertTrue(hall.mqtt().refusedSubscriptions().get(commands).contains("0x87"),
                    hall.mqtt().refusedSubscriptions().toString());
            assertTrue(hall.mqtt().connected(), "the hall stays connected and publishes");
            await("a DEVICE alarm for the manager", () -> hall.runtime().hall().query(s -> s.alarms()
                    .containsKey(alarmId)).join());
            HallEvent.AlarmRaised alarm = hall.runtime().hall().query(s -> s.alarms().get(alarmId)).join();
            assertTrue(alarm.messageEn().contains(commands) && alarm.messageZh().contains("订阅被拒绝"), alarm.toString());
            assertEquals(MqttModule.SUBSCRIPTION_REFUSED, alarm.cause());
            assertEquals(DeviceHealth.State.DEGRADED, Retained.await(broker.uri(),
                    Topics.device(hallId, MqttModule.LINK_DEVICE), DeviceHealth.class, h -> true).state());

            broker.stop(); // the ACL is fixed; the hall reconnects and every subscription is granted
            Mosquitto.refuseSubscriptions(policy, List.of());
            broker.start();
            await("the alarm cleared", () -> !hall.runtime().hall().query(s -> s.alarms()
                    .containsKey(alarmId)).join());
            assertEquals(Map.of(), hall.mqtt().refusedSubscriptions());
        }
    }
}
