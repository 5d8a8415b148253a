package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallModule;
import io.hallq.controller.queue.Command;
import io.hallq.controller.sync.MqttModule;
import io.hallq.emulator.broker.EmbeddedBrokerModule;
import io.hallq.protocol.mqtt.HallStatus;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neighbour hall's status arrives over the embedded broker, the hall's MQTT module advises it, and the
 * ticket the virtual printer prints (decoded from its ESC/POS bytes) points the customer there.
 */
class NeighbourTicketIT {

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The retained status of the example's neighbour, 浦东陆家嘴营业厅, where PAY takes about 5 minutes. */
    private static void publishNeighbourStatus(String broker) throws Exception {
        HallStatus status = new HallStatus(1, "sh-pudong-02", "浦东陆家嘴营业厅", "Lujiazui Hall", Instant.now(), 2, 3,
                HallStatus.BusyLevel.NORMAL, Map.of("PAY", new HallStatus.ServiceStatus(true, 2, Map.of(), 290)),
                List.of(), null);
        MqttClient client = new MqttClient(broker, "test-neighbour-sh-pudong-02", new MemoryPersistence());
        try {
            client.connect();
            MqttMessage m = new MqttMessage(MqttCodec.encode(status));
            m.setQos(1);
            m.setRetained(true);
            client.publish(Topics.status("sh-pudong-02"), m);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    @Test
    void printedTicket_pointsToTheNeighbourHallTheAdvisorSuggests() throws Exception {
        int port = freePort();
        UnaryOperator<String> edit = y -> y.replace("tcp://127.0.0.1:18830", "tcp://127.0.0.1:" + port)
                .replace("pressInterval: 2s", "pressInterval: 0s");
        EmbeddedBrokerModule broker = new EmbeddedBrokerModule();
        MqttModule mqtt = new MqttModule(broker::uri);
        EmulatedDevices devices = new EmulatedDevices(UnaryOperator.identity(), mqtt.neighbours()::nearbyHall);
        try (HardwareHall h = HardwareHall.start(dir, edit, List.<HallModule>of(broker, mqtt), devices)) {
            // 12 customers wait for PAY at its one open counter (2 min each): 24 min here, 5 min there
            for (int i = 0; i < 12; i++) {
                h.runtime.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
            }
            publishNeighbourStatus(broker.uri().orElseThrow().toString());
            HardwareHall.await("the neighbour advice", Duration.ofSeconds(20),
                    () -> mqtt.neighbours().suggestionFor("PAY").isPresent());

            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", Duration.ofSeconds(10), () -> h.devices.printer().lastTicket() != null);

            PrintedTicket t = h.devices.printer().lastTicket();
            assertTrue(t.has("E013", 4, 4), t.render());
            assertTrue(t.texts().contains("附近浦东陆家嘴营业厅约等 5 分钟,距此 1200 米"), t.render());
            assertTrue(t.texts().contains("About 5 min at Lujiazui Hall, 1200 m away"), t.render());
        }
    }

    @Test
    void withoutNeighbourAdvice_theTicketHasNoNearbyLine() {
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("pressInterval: 2s", "pressInterval: 0s"))) {
            for (int i = 0; i < 12; i++) {
                h.runtime.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
            }
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", Duration.ofSeconds(10), () -> h.devices.printer().lastTicket() != null);
            PrintedTicket t = h.devices.printer().lastTicket();
            assertTrue(t.has("E013", 4, 4), t.render());
            assertTrue(t.texts().stream().noneMatch(l -> l.startsWith("附近") || l.startsWith("About ")), t.render());
        }
    }
}
