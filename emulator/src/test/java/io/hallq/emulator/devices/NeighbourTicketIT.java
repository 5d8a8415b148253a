package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallModule;
import io.hallq.controller.queue.Command;
import io.hallq.controller.sync.BoardNoticeFeed;
import io.hallq.controller.sync.MqttModule;
import io.hallq.display.board.BoardView.Notice;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neighbour hall's status arrives over the embedded broker, the hall's MQTT module advises it, and the
 * ticket the virtual printer prints (decoded from its ESC/POS bytes) points the customer there exactly when
 * the hall board's nearby-hall line does.
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
        AtomicReference<List<Notice>> board = new AtomicReference<>();
        try (HardwareHall h = HardwareHall.start(dir, edit, List.<HallModule>of(broker, mqtt), devices,
                new BoardNoticeFeed(mqtt, board::set))) {
            // 12 customers wait for PAY at its one open counter (2 min each): 24 min here, 5 min there
            for (int i = 0; i < 12; i++) {
                h.runtime.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
            }
            publishNeighbourStatus(broker.uri().orElseThrow().toString());
            HardwareHall.await("the neighbour advice", Duration.ofSeconds(20),
                    () -> mqtt.neighbours().suggestionFor("PAY").isPresent());
            HardwareHall.await("the board's nearby-hall line", Duration.ofSeconds(20),
                    () -> boardPointsToTheNeighbour(board));

            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", Duration.ofSeconds(10), () -> h.devices.printer().lastTicket() != null);

            PrintedTicket t = h.devices.printer().lastTicket();
            assertTrue(t.has("E013", 4, 4), t.render());
            assertTrue(t.texts().contains("附近浦东陆家嘴营业厅约等 5 分钟,距此 1200 米"), t.render());
            assertTrue(t.texts().contains("About 5 min at Lujiazui Hall, 1200 m away"), t.render());
        }
    }

    private static final String NEARBY_ZH = "附近浦东陆家嘴营业厅约等 5 分钟,距此 1200 米";

    /** The board's nearby-hall line for PAY (充值缴费) is among the lines. */
    private static boolean boardPointsToTheNeighbour(AtomicReference<List<Notice>> board) {
        List<Notice> lines = board.get();
        return lines != null && lines.contains(new Notice("充值缴费:" + NEARBY_ZH,
                "Top-up & payment: about 5 min at Lujiazui Hall, 1200 m away"));
    }

    private static boolean ticketPointsToTheNeighbour(PrintedTicket t) {
        return t.texts().contains(NEARBY_ZH) && t.texts().contains("About 5 min at Lujiazui Hall, 1200 m away");
    }

    private static PrintedTicket take(HardwareHall h, String number) {
        h.devices.button("PAY").orElseThrow().tap();
        HardwareHall.await("ticket " + number, Duration.ofSeconds(20), () -> h.devices.printer().lastTicket() != null
                && h.devices.printer().lastTicket().has(number, 4, 4));
        return h.devices.printer().lastTicket();
    }

    @Test
    void whileNobodyHereServesTheService_boardAndTicketBothPointToTheNeighbour_neitherOnceACounterDoes()
            throws Exception {
        int port = freePort();
        UnaryOperator<String> edit = y -> y.replace("tcp://127.0.0.1:18830", "tcp://127.0.0.1:" + port)
                .replace("pressInterval: 2s", "pressInterval: 0s");
        EmbeddedBrokerModule broker = new EmbeddedBrokerModule();
        MqttModule mqtt = new MqttModule(broker::uri);
        AtomicReference<List<Notice>> board = new AtomicReference<>();
        EmulatedDevices devices = new EmulatedDevices(UnaryOperator.identity(), mqtt.neighbours()::nearbyHall);
        try (HardwareHall h = HardwareHall.start(dir, edit, List.<HallModule>of(broker, mqtt), devices,
                new BoardNoticeFeed(mqtt, board::set))) {
            // PAY's counters: 4 pauses and 5 is closed at the start, so nobody serves PAY here now
            h.runtime.hall().submit(new Command.Pause(4)).join();
            publishNeighbourStatus(broker.uri().orElseThrow().toString());
            HardwareHall.await("the board's nearby-hall line", Duration.ofSeconds(20),
                    () -> boardPointsToTheNeighbour(board));

            PrintedTicket first = take(h, "E001");
            long ownEstimate = h.query(s -> s.estimate("E001", Instant.now()).orElseThrow().waitSeconds());
            assertTrue(ownEstimate >= 0 && ownEstimate < 290, "the ticket's own estimate (once counters 4 and 5 "
                    + "open) is no longer than the neighbour's, the case where the ticket used to leave the line off: "
                    + ownEstimate);
            assertTrue(ticketPointsToTheNeighbour(first), first.render());

            // counter 4 serves PAY again and nobody waits: no reason to send anyone away, on either
            h.runtime.hall().submit(new Command.Resume(4)).join();
            h.runtime.hall().submit(new Command.CallNext(4)).join(); // takes E001
            HardwareHall.await("the board's line gone", Duration.ofSeconds(20), () -> board.get() != null
                    && !boardPointsToTheNeighbour(board));
            PrintedTicket second = take(h, "E002");
            assertFalse(ticketPointsToTheNeighbour(second), second.render());
            assertTrue(second.texts().stream().noneMatch(l -> l.startsWith("附近")), second.render());
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
