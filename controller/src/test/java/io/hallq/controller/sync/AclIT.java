package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example ACL in deploy/mosquitto, loaded into a real Mosquitto: a hall writes only under its own id,
 * a manager commands only its own hall, and a board Pi only reads its hall's board. (Logins are not checked here: no password file.)
 */
class AclIT {

    private static final Path ACL = Path.of("..", "deploy", "mosquitto", "hallq.acl").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static MqttClient login(String uri, String user) throws MqttException {
        MqttClient c = new MqttClient(uri, user + "-" + System.nanoTime(), null);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        c.connect(o);
        return c;
    }

    private static void publish(MqttClient c, String topic, String text) throws MqttException {
        c.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void hallWritesOnlyUnderItsOwnId_andManagerCommandsOnlyItsHall() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir, List.of("acl_file " + ACL))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            MqttClient central = login(broker.uri(), "central");
            central.subscribe(new MqttSubscription[] {new MqttSubscription("hallq/v1/#", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, m) -> seen.add(t)});
            MqttClient hall = login(broker.uri(), "sh-pudong-01");
            publish(hall, "hallq/v1/sh-pudong-02/events", "forged");
            publish(hall, "hallq/v1/sh-pudong-02/cmd/central", "forged");
            publish(hall, "hallq/v1/sh-pudong-01/events", "own");
            MqttClient manager = login(broker.uri(), "manager-sh-pudong-01");
            publish(manager, "hallq/v1/sh-pudong-02/cmd/manager-sh-pudong-01", "other hall");
            publish(manager, "hallq/v1/sh-pudong-01/cmd/central", "posing as central");
            publish(manager, "hallq/v1/sh-pudong-01/cmd/manager-sh-pudong-01", "own hall");
            publish(central, "hallq/v1/sh-pudong-01/cmd/central", "central");
            assertTrue(CentralRecorder.await(() -> seen.size() >= 3, 5_000), seen.toString());
            Mosquitto.sleep(300);
            assertEquals(List.of("hallq/v1/sh-pudong-01/events", "hallq/v1/sh-pudong-01/cmd/manager-sh-pudong-01",
                    "hallq/v1/sh-pudong-01/cmd/central"), seen);
            for (MqttClient c : List.of(central, hall, manager)) {
                c.disconnect();
                c.close();
            }
        }
    }

    @Test
    void boardPi_readsItsHallsBoard_andWritesOnlyItsOwnHealth_butCannotForgeTheHallsTopicsNorReadAnotherHalls()
            throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir, List.of("acl_file " + ACL))) {
            List<String> central = new CopyOnWriteArrayList<>();
            MqttClient c = login(broker.uri(), "central");
            c.subscribe(new MqttSubscription[] {new MqttSubscription("hallq/v1/#", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, m) ->
                            central.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
            List<String> board = new CopyOnWriteArrayList<>();
            MqttClient b = login(broker.uri(), "board-sh-pudong-01");
            b.subscribe(new MqttSubscription[] {new MqttSubscription("hallq/v1/sh-pudong-01/board", 1),
                new MqttSubscription("hallq/v1/sh-pudong-02/board", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (t, m) -> board.add(t), (t, m) -> board.add(t)});
            publish(b, "hallq/v1/sh-pudong-01/board", "forged");
            publish(b, "hallq/v1/sh-pudong-01/online", "forged");
            publish(b, "hallq/v1/sh-pudong-01/devices/printer-1", "forged");
            publish(b, "hallq/v1/sh-pudong-01/devices/board-tv1", "own health");
            MqttClient own = login(broker.uri(), "sh-pudong-01");
            MqttClient other = login(broker.uri(), "sh-pudong-02");
            publish(other, "hallq/v1/sh-pudong-02/board", "other hall");
            publish(own, "hallq/v1/sh-pudong-01/board", "own hall");
            assertTrue(CentralRecorder.await(() -> central.size() >= 3 && !board.isEmpty(), 5_000), central + " " + board);
            Mosquitto.sleep(300);
            assertEquals(3, central.size(), central.toString()); // the forged ones never reached the broker's readers
            assertEquals(java.util.Set.of("hallq/v1/sh-pudong-01/devices/board-tv1 own health",
                    "hallq/v1/sh-pudong-02/board other hall", "hallq/v1/sh-pudong-01/board own hall"),
                    java.util.Set.copyOf(central));
            assertEquals(List.of("hallq/v1/sh-pudong-01/board"), board);
            for (MqttClient x : List.of(c, b, own, other)) {
                x.disconnect();
                x.close();
            }
        }
    }
}
