package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paho 1.2.5's connection timeout bounds only the TCP connect: when the broker (or anything between, a proxy or a
 * broker still starting) takes the connection and never answers CONNECT, the connect attempt reports neither
 * success nor failure, for ever. {@link MqttLink} gives such an attempt up after its CONNACK timeout and tries
 * again. Here a proxy in front of a real Mosquitto swallows the first connections it takes, then forwards.
 */
class UnansweredConnectIT {

    @TempDir
    Path dir;

    /** Accepts connections; the first {@code silent} get no byte back and stay open, the rest go to the broker. */
    private static final class SilentThenForwarding implements AutoCloseable {
        final LoopbackServer server;

        SilentThenForwarding(int silent, int brokerPort) throws IOException {
            LoopbackServer[] self = new LoopbackServer[1];
            server = new LoopbackServer("silent-proxy", (s, n) -> {
                if (n > silent) {
                    Socket b = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                    self[0].track(b);
                    pipe(s.getInputStream(), b.getOutputStream());
                    pipe(b.getInputStream(), s.getOutputStream());
                }
            });
            self[0] = server;
        }

        int port() {
            return server.port();
        }

        private static void pipe(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                try (in; out) {
                    in.transferTo(out);
                } catch (IOException ended) {
                    // either side closed
                }
            }, "silent-proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aConnectTheBrokerNeverAnswers_isGivenUp_andTheNextAttemptConnects() throws Exception {
        ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             SilentThenForwarding proxy = new SilentThenForwarding(2, broker.port())) {
            List<String> events = new CopyOnWriteArrayList<>();
            MqttLink link = new MqttLink(proxy.server.linkSettings("unanswered-"), owner,
                    LoopbackServer.recording(events), List.of("hallq/v1/hall-x/cmd/+"), () -> null, 1500);
            try {
                long t0 = System.nanoTime();
                link.start();
                Await.until("the link connected through the proxy's third connection", Duration.ofSeconds(30),
                        () -> events.contains("connected"));
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                System.out.println("two unanswered CONNECTs given up; connected after " + ms + " ms");
                assertEquals(3, proxy.server.accepted.get(), "two silent connections, then the one that connected");
                assertTrue(link.isConnected());
                assertTrue(ms >= 3000, "each silent attempt waited its 1.5 s CONNACK timeout: " + ms + " ms");
            } finally {
                link.close();
            }
        } finally {
            owner.shutdownNow();
        }
    }
}
