package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.notify.SmppNotificationsIT;
import io.hallq.controller.notify.SmsCentre;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer reminder end to end with MQTT on (a real Mosquitto): everything the hall publishes is captured, and
 * no message holds the customer's clear number; the masked one is there.
 */
class NotifyMqttPrivacyIT {

    @TempDir
    Path dir;

    @Test
    void aRemindedCustomersClearNumber_isInNoMqttMessage() throws Exception {
        int smsPort = SmsCentre.freePort();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             SmsCentre centre = new SmsCentre(smsPort, "hallq", "secret")) {
            List<String> captured = new CopyOnWriteArrayList<>();
            MqttClient spy = new MqttClient(broker.uri(), "privacy-spy", new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            spy.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                @Override
                public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
                    captured.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) { }

                @Override
                public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) { }

                @Override
                public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) { }

                @Override
                public void connectComplete(boolean reconnect, String uri) { }

                @Override
                public void authPacketArrived(int reason, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) { }
            });
            spy.connect(o);
            // MqttClient.subscribe(String, int, listener) recurses into itself in Paho 1.2.5: the callback instead
            spy.subscribe("#", 1);

            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            LoadedConfig notify = SmppNotificationsIT.loaded(dir, SmppNotificationsIT.yaml(smsPort, ""));
            ObjectNode root = (ObjectNode) notify.root();
            root.set("mqtt", yaml.readTree(SyncHalls.mqtt(broker.uri(), "")));
            LoadedConfig loaded = new LoadedConfig(notify.config(), root, notify.file());
            NotifyModule notifyModule = new NotifyModule();
            try (HallRuntime rt = HallRuntime.start(loaded, TestHalls.runningFrom(TestHalls.MONDAY_10AM),
                    List.of(new MqttModule(), notifyModule))) {
                notifyModule.keepPhone("tok-mqtt", PhoneNumber.parse(SmppNotificationsIT.CUSTOMER));
                rt.hall().submit(new Command.IssueTicket("PAY", null, "138****5678", "tok-mqtt")).join();
                SmppNotificationsIT.await(() -> captured.stream().anyMatch(m -> m.contains("NotificationDelivered")),
                        "the delivery receipt's event on MQTT");
            }
            spy.disconnect();
            spy.close();
            assertTrue(captured.stream().anyMatch(m -> m.contains("138****5678")), "the masked number is published");
            for (String m : captured) {
                assertFalse(m.contains(SmppNotificationsIT.CUSTOMER), "clear number on MQTT: " + m);
                assertFalse(m.contains(SmppNotificationsIT.DUTY), "staff number on MQTT: " + m);
            }
            assertTrue(centre.inbox.size() == 1);
        }
    }
}
