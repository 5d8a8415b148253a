package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Paho 1.2.5 reads an MQTT 5 property's length as a signed 16-bit number: a PUBLISH whose correlation data is
 * over 32,767 bytes throws NegativeArraySizeException in its receive thread, which dies while the client still
 * says it is connected. A real broker does not forward such a message to us (we announce a maximum packet size
 * of 32 KiB), so this test plays a broker that does: a minimal MQTT 5 server written here, speaking just enough
 * (CONNACK, SUBACK, PUBACK, PINGRESP) and then sending the poisoned PUBLISH. {@link MqttLink} must notice the dead
 * thread within seconds and connect again, long before the 60 s keepalive would.
 */
class PahoReceiverGuardTest {

    /** The server: counts connections, and after the first SUBSCRIBE of the first one sends the poison. */
    private static final class PoisoningBroker implements AutoCloseable {
        final LoopbackServer server;
        volatile long poisonedAt;

        PoisoningBroker() throws IOException {
            server = new LoopbackServer("poisoning-broker", (s, n) -> serve(s, n == 1));
        }

        int port() {
            return server.port();
        }

        private void serve(Socket s, boolean poison) throws IOException {
            try (s) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                boolean poisoned = false;
                while (true) {
                    int header = in.read();
                    if (header < 0) {
                        return;
                    }
                    byte[] body = in.readNBytes(remainingLength(in));
                    switch (header & 0xF0) {
                        case 0x10 -> out.write(new byte[] {0x20, 0x03, 0x00, 0x00, 0x00}); // CONNACK, success
                        case 0x80 -> { // SUBSCRIBE: SUBACK granting QoS 1
                            out.write(new byte[] {(byte) 0x90, 0x04, body[0], body[1], 0x00, 0x01});
                            if (poison && !poisoned) {
                                poisoned = true;
                                out.flush();
                                out.write(poisonedPublish());
                                poisonedAt = System.nanoTime();
                            }
                        }
                        case 0x30 -> { // PUBLISH from the client: PUBACK when QoS 1
                            if ((header & 0x06) == 0x02) {
                                int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                                out.write(new byte[] {0x40, 0x02, body[2 + topicLength], body[3 + topicLength]});
                            }
                        }
                        case 0xC0 -> out.write(new byte[] {(byte) 0xD0, 0x00}); // PINGRESP
                        case 0xE0 -> {
                            return;
                        }
                        default -> { }
                    }
                    out.flush();
                }
            }
        }

        /** A QoS 0 PUBLISH with 40,000 bytes of correlation data (MQTT 5 allows up to 65,535). */
        private static byte[] poisonedPublish() {
            byte[] topic = "hallq/v1/hall-x/cmd/central".getBytes(StandardCharsets.US_ASCII);
            int correlation = 40_000;
            ByteArrayOutputStream props = new ByteArrayOutputStream();
            props.write(0x09);
            props.write(correlation >> 8);
            props.write(correlation & 0xFF);
            props.writeBytes(new byte[correlation]);
            ByteArrayOutputStream variable = new ByteArrayOutputStream();
            variable.write(topic.length >> 8);
            variable.write(topic.length & 0xFF);
            variable.writeBytes(topic);
            variable.writeBytes(varInt(props.size()));
            variable.writeBytes(props.toByteArray());
            variable.writeBytes("{}".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            packet.write(0x30);
            packet.writeBytes(varInt(variable.size()));
            packet.writeBytes(variable.toByteArray());
            return packet.toByteArray();
        }

        private static byte[] varInt(int value) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            do {
                int digit = value % 128;
                value /= 128;
                b.write(value > 0 ? digit | 0x80 : digit);
            } while (value > 0);
            return b.toByteArray();
        }

        private static int remainingLength(InputStream in) throws IOException {
            int value = 0;
            int shift = 0;
            int digit;
            do {
                digit = in.read();
                if (digit < 0) {
                    throw new IOException("closed");
                }
                value += (digit & 0x7F) << shift;
                shift += 7;
            } while ((digit & 0x80) != 0);
            return value;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeadReceiveThread_isNoticedWithinSeconds_andTheLinkConnectsAgain() throws Exception {
        ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
        try (PoisoningBroker broker = new PoisoningBroker()) {
            List<String> events = new CopyOnWriteArrayList<>();
            MqttLink link = new MqttLink(broker.server.linkSettings("guard-"), owner, LoopbackServer.recording(events),
                    List.of("hallq/v1/hall-x/cmd/+"), () -> null);
            try {
                link.start();
                Await.within(Duration.ofSeconds(20), () -> broker.server.accepted.get() >= 2);
                assertTrue(broker.poisonedAt > 0, "the poisoned message was sent");
                assertTrue(broker.server.accepted.get() >= 2, "the link connected again after its receive thread died: "
                        + events);
                long ms = TimeUnit.NANOSECONDS.toMillis(broker.server.acceptedNanos.get(1) - broker.poisonedAt);
                System.out.println("dead receive thread: connected again " + ms + " ms after the poisoned message");
                assertTrue(ms < 5_000, "noticed after " + ms + " ms, not at the 60 s keepalive");
                assertTrue(events.stream().anyMatch(e -> e.contains("receive thread died")), events.toString());
            } finally {
                link.close();
            }
        } finally {
            owner.shutdownNow();
        }
    }
}
