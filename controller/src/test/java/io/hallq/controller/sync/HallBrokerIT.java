package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pi's own Mosquitto as shipped (deploy/mosquitto/hall-bridge.conf with hall-local.acl and a password file
 * made by mosquitto_passwd), bridged to a central Mosquitto: no anonymous client, no wrong password, each login
 * held to its ACL (denied publishes proven by an observer that reads everything), commands in and answers out
 * over the bridge, and the broker refusing a packet over its max_packet_size.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HallBrokerIT {

    private static final Path DEPLOY = Path.of("..", "deploy", "mosquitto").toAbsolutePath().normalize();
    private static final String A = "sh-pudong-01";

    @TempDir
    Path dir;

    private static void passwd(Path file, String user, String password) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/mosquitto_passwd", "-b"));
        if (!Files.exists(file)) {
            cmd.add("-c");
        }
        cmd.addAll(List.of(file.toString(), user, password));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    /** hall-bridge.conf with the test's port, files and central broker in place of the hall's. */
    private List<String> shippedConfig(int port, int centralPort) throws Exception {
        Path passwd = dir.resolve("hall.passwd");
        passwd(passwd, A, "hall-secret");
        passwd(passwd, "board-" + A, "board-secret");
        passwd(passwd, "observer", "observer-secret");
        Path acl = dir.resolve("hall-local.acl");
        Files.writeString(acl, Files.readString(DEPLOY.resolve("hall-local.acl")) + "\nuser observer\ntopic read #\n");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("hall-bridge.conf"))) {
            if (line.startsWith("listener 1883")) {
                out.add("listener " + port + " 127.0.0.1");
            } else if (line.startsWith("password_file ")) {
                out.add("password_file " + passwd);
            } else if (line.startsWith("acl_file ")) {
                out.add("acl_file " + acl);
            } else if (line.startsWith("persistence_location ")) {
                out.add("persistence_location " + dir.resolve("data") + "/");
            } else if (line.startsWith("address ")) {
                out.add("address 127.0.0.1:" + centralPort);
            } else if (line.startsWith("bridge_cafile ") || line.startsWith("restart_timeout ")) {
                out.add(line.startsWith("restart_timeout ") ? "restart_timeout 1 2" : "# (no TLS in the test)");
            } else {
                out.add(line);
            }
        }
        Files.createDirectories(dir.resolve("data"));
        return out;
    }

    private static MqttClient login(String uri, String user, String password) throws MqttException {
        MqttClient c = new MqttClient(uri, (user == null ? "anon" : user) + "-" + System.nanoTime(), null);
        MqttConnectionOptions o = new MqttConnectionOptions();
        if (user != null) {
            o.setUserName(user);
        }
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        o.setConnectionTimeout(5);
        c.connect(o);
        return c;
    }

    private static List<String> reader(MqttClient c, String filter) throws MqttException {
        List<String> seen = new CopyOnWriteArrayList<>();
        c.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                new IMqttMessageListener[] {(t, m) -> seen.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
        return seen;
    }

    private static void publish(MqttClient c, String topic, String text) {
        try {
            c.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException deniedOrDropped) {
            // what counts is that nobody gets it
        }
    }

    @Test
    void theShippedHallBroker_refusesStrangers_holdsEachLoginToItsAcl_andBridgesCommandsInAndAnswersOut()
            throws Exception {
        try (Mosquitto central = Mosquitto.start(dir.resolve("central"))) {
            int port = Mosquitto.freePort();
            try (Mosquitto local = Mosquitto.startConfigured(dir.resolve("local"), port,
                    shippedConfig(port, central.port()))) {
                String uri = local.uri();
                MqttException anonymous = assertThrows(MqttException.class, () -> login(uri, null, null));
                assertTrue(anonymous.getReasonCode() == 0x87 || anonymous.getReasonCode() == 0x86
                        || anonymous.getReasonCode() == 0x80 || anonymous.getReasonCode() == 5, anonymous.toString());
                assertThrows(MqttException.class, () -> login(uri, A, "wrong"));
                assertThrows(MqttException.class, () -> login(uri, "central", "hall-secret"));

                MqttClient observer = login(uri, "observer", "observer-secret");
                List<String> seen = reader(observer, "#");
                MqttClient hall = login(uri, A, "hall-secret");
                List<String> hallSees = reader(hall, "hallq/v1/#");
                MqttClient board = login(uri, "board-" + A, "board-secret");
                MqttClient atCentral = login(central.uri(), null, null);
                List<String> centralSees = reader(atCentral, "hallq/v1/#");
                // wait until the bridge is up: a command published at central reaches the hall
                assertTrue(CentralRecorder.await(() -> {
                    publish(atCentral, "hallq/v1/" + A + "/cmd/central", "command");
                    return hallSees.contains("hallq/v1/" + A + "/cmd/central command");
                }, 20_000), "the command came in over the bridge: " + hallSees);

                publish(hall, "hallq/v1/" + A + "/reply/central", "answer");
                publish(hall, "hallq/v1/" + A + "/events", "event");
                for (String denied : List.of("hallq/v1/" + A + "/cmd/central", "hallq/v1/sh-pudong-02/events",
                        "hallq/v1/reply/central", "hallq/v1/sh-pudong-02/reply/central", "$SYS/x", "other")) {
                    publish(hall, denied, "hall forged");
                }
                publish(board, "hallq/v1/" + A + "/devices/board-tv1", "board health");
                for (String denied : List.of("hallq/v1/" + A + "/board", "hallq/v1/" + A + "/online",
                        "hallq/v1/" + A + "/cmd/central", "hallq/v1/" + A + "/reply/central")) {
                    publish(board, denied, "board forged");
                }
                publish(hall, "hallq/v1/" + A + "/status", "marker");
                assertTrue(CentralRecorder.await(() -> seen.contains("hallq/v1/" + A + "/status marker"), 10_000));
                assertTrue(CentralRecorder.await(() -> centralSees.contains("hallq/v1/" + A + "/status marker"),
                        10_000), centralSees.toString());
                Set<String> local_ = new TreeSet<>(seen);
                local_.removeIf(s -> s.endsWith(" command"));
                assertEquals(new TreeSet<>(Set.of("hallq/v1/" + A + "/reply/central answer",
                        "hallq/v1/" + A + "/events event", "hallq/v1/" + A + "/devices/board-tv1 board health",
                        "hallq/v1/" + A + "/status marker")), local_, "only the allowed publishes are delivered");
                Set<String> atCentral_ = new TreeSet<>(centralSees);
                atCentral_.removeIf(s -> s.endsWith(" command"));
                assertEquals(local_, atCentral_, "the bridge carries the hall's topics and answers out, nothing else");

                // a packet over max_packet_size (256 KiB): the broker drops the client, nobody gets it
                MqttClient big = login(uri, A, "hall-secret");
                publish(big, "hallq/v1/" + A + "/events", "x".repeat(300_000));
                publish(hall, "hallq/v1/" + A + "/status", "marker2");
                assertTrue(CentralRecorder.await(() -> seen.contains("hallq/v1/" + A + "/status marker2"), 10_000));
                assertTrue(seen.stream().noneMatch(s -> s.length() > 100_000), "the big packet was not delivered");
                for (MqttClient c : List.of(observer, hall, board, atCentral)) {
                    c.disconnect();
                    c.close();
                }
                big.close(true);
            }
        }
    }
}
