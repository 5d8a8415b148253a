package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * The shipped ACLs in deploy/mosquitto, loaded into a real Mosquitto, with every denied case proven, not only the
 * allowed ones: a publish is denied when an observer that may read everything never gets it, a read is denied
 * when the subscriber never gets what the observer got. The central ACL is tested without a password file (logins
 * by name); the hall's own broker with the shipped hall-bridge.conf, its password file and hall-local.acl.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AclIT {

    private static final Path DEPLOY = Path.of("..", "deploy", "mosquitto").toAbsolutePath().normalize();
    private static final String A = "sh-pudong-01";
    private static final String B = "sh-pudong-02";

    @TempDir
    Path dir;

    /** The shipped central ACL plus a test observer that reads everything (not part of the shipped file). */
    private List<String> centralAcl() throws IOException {
        Path acl = dir.resolve("hallq.acl");
        Files.writeString(acl, Files.readString(DEPLOY.resolve("hallq.acl")) + "\nuser observer\ntopic read #\n");
        return List.of("acl_file " + acl);
    }

    private static MqttClient login(String uri, String user, String password) throws MqttException {
        MqttClient c = new MqttClient(uri, user + "-" + System.nanoTime(), null);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        c.connect(o);
        return c;
    }

    private static MqttClient login(String uri, String user) throws MqttException {
        return login(uri, user, null);
    }

    /** Publishes QoS 1 and waits for the broker's answer (a denied publish may be answered "not authorized"). */
    private static void publish(MqttClient c, String topic, String text) {
        try {
            c.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException deniedOrDropped) {
            // Mosquitto answers a denied QoS 1 publish with PUBACK 0x87; what counts is that nobody gets it
        }
    }

    /** Subscribes {@code c} to {@code filters}, recording "topic payload". */
    private static List<String> reader(MqttClient c, String... filters) throws MqttException {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttSubscription[] subs = new MqttSubscription[filters.length];
        IMqttMessageListener[] listeners = new IMqttMessageListener[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subs[i] = new MqttSubscription(filters[i], 1);
            listeners[i] = (t, m) -> seen.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
        }
        c.subscribe(subs, listeners);
        return seen;
    }

    /** Publishes a marker the observer may read and waits for it: every earlier publish has been routed. */
    private static void settle(MqttClient marker, String topic, List<String> observer) {
        String text = "marker-" + System.nanoTime();
        publish(marker, topic, text);
        assertTrue(CentralRecorder.await(() -> observer.contains(topic + " " + text), 10_000), "no marker");
        observer.removeIf(s -> s.endsWith(" " + text));
    }

    /**
     * One of each login on the central broker, each under its own name: hall A, hall B, central, A's manager and
     * A's board Pi, and the test's observer, which reads everything ({@link #all}).
     */
    private static final class Logins implements AutoCloseable {
        final MqttClient observer;
        final List<String> all;
        final MqttClient hallA;
        final MqttClient hallB;
        final MqttClient central;
        final MqttClient manager;
        final MqttClient board;

        Logins(String uri) throws MqttException {
            observer = login(uri, "observer");
            all = reader(observer, "#");
            hallA = login(uri, A);
            hallB = login(uri, B);
            central = login(uri, "central");
            manager = login(uri, "manager-" + A);
            board = login(uri, "board-" + A);
        }

        @Override
        public void close() throws MqttException {
            for (MqttClient c : List.of(observer, hallA, hallB, central, manager, board)) {
                c.disconnect();
                c.close();
            }
        }
    }

    private static Set<String> sorted(List<String> l) {
        return new TreeSet<>(l);
    }

    @Test
    void eachLogin_writesOnlyWhatItsRoleNeeds_everyOtherPublishIsDenied() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), centralAcl());
             Logins l = new Logins(broker.uri())) {
            List<String> seen = l.all;
            MqttClient hall = l.hallA;
            MqttClient central = l.central;
            MqttClient manager = l.manager;
            MqttClient board = l.board;
            List<String> allowed = new ArrayList<>();
            // a hall: its own topics, each allowed ...
            for (String leaf : List.of("online", "status", "events", "alarms", "devices/printer-1", "stats",
                    "stats/daily", "profile", "board", "reply/central", "reply/manager-" + A)) {
                publish(hall, "hallq/v1/" + A + "/" + leaf, "hall own");
                allowed.add("hallq/v1/" + A + "/" + leaf + " hall own");
            }
            // ... and nothing else: not another hall's, not its own commands, not any other reply topic
            for (String denied : List.of("hallq/v1/" + B + "/events", "hallq/v1/" + B + "/status",
                    "hallq/v1/" + B + "/online", "hallq/v1/" + B + "/board", "hallq/v1/" + B + "/cmd/central",
                    "hallq/v1/" + A + "/cmd/central", "hallq/v1/" + A + "/cmd/manager-" + A,
                    "hallq/v1/" + A + "/cmd/" + A, "hallq/v1/reply/central", "hallq/v1/" + B + "/reply/central",
                    "hallq/v1/" + A + "/reply/central/x", "hallq/v1/" + A + "/devices/x/y", "hallq/v1/" + A,
                    "hallq/v1/" + A + "/other", "hallq/v1/" + A + "/stats/x", "$SYS/broker/x", "other/topic")) {
                publish(hall, denied, "hall forged");
            }
            // central: commands as "central" only
            publish(central, "hallq/v1/" + A + "/cmd/central", "central cmd");
            allowed.add("hallq/v1/" + A + "/cmd/central central cmd");
            publish(central, "hallq/v1/" + B + "/cmd/central", "central cmd");
            allowed.add("hallq/v1/" + B + "/cmd/central central cmd");
            for (String denied : List.of("hallq/v1/" + A + "/cmd/manager-" + A, "hallq/v1/" + A + "/status",
                    "hallq/v1/" + A + "/events", "hallq/v1/" + A + "/reply/central", "hallq/v1/reply/central",
                    "hallq/v1/" + A + "/board")) {
                publish(central, denied, "central forged");
            }
            // a manager: commands to its own hall as itself only
            publish(manager, "hallq/v1/" + A + "/cmd/manager-" + A, "manager cmd");
            allowed.add("hallq/v1/" + A + "/cmd/manager-" + A + " manager cmd");
            for (String denied : List.of("hallq/v1/" + B + "/cmd/manager-" + A, "hallq/v1/" + A + "/cmd/central",
                    "hallq/v1/" + A + "/reply/manager-" + A, "hallq/v1/reply/manager-" + A,
                    "hallq/v1/" + A + "/status", "hallq/v1/" + A + "/events")) {
                publish(manager, denied, "manager forged");
            }
            // a board Pi: its own health only
            publish(board, "hallq/v1/" + A + "/devices/board-tv1", "board own");
            allowed.add("hallq/v1/" + A + "/devices/board-tv1 board own");
            for (String denied : List.of("hallq/v1/" + A + "/board", "hallq/v1/" + A + "/online",
                    "hallq/v1/" + A + "/devices/printer-1", "hallq/v1/" + A + "/cmd/central",
                    "hallq/v1/" + A + "/reply/central", "hallq/v1/" + B + "/devices/board-tv1")) {
                publish(board, denied, "board forged");
            }
            settle(hall, "hallq/v1/" + A + "/status", seen);
            assertEquals(sorted(allowed), sorted(seen), "exactly the allowed publishes reach a reader");
        }
    }

    @Test
    void eachLogin_readsOnlyWhatItsRoleNeeds_otherHallsCommandsAndRepliesStayHidden() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), centralAcl());
             Logins l = new Logins(broker.uri())) {
            List<String> all = l.all;
            MqttClient hallA = l.hallA;
            List<String> aSees = reader(hallA, "hallq/v1/#");
            List<String> managerSees = reader(l.manager, "hallq/v1/#");
            List<String> boardSees = reader(l.board, "hallq/v1/#");
            MqttClient central = l.central;
            List<String> centralSees = reader(central, "hallq/v1/#");
            MqttClient hallB = l.hallB;

            publish(central, "hallq/v1/" + B + "/cmd/central", "to B");
            publish(central, "hallq/v1/" + A + "/cmd/central", "to A");
            for (String leaf : List.of("events", "status", "online", "board", "reply/central", "stats")) {
                publish(hallB, "hallq/v1/" + B + "/" + leaf, "B " + leaf);
            }
            publish(hallA, "hallq/v1/" + A + "/reply/central", "A to central");
            publish(hallA, "hallq/v1/" + A + "/reply/manager-" + A, "A to manager");
            publish(hallA, "hallq/v1/" + A + "/board", "A board");
            publish(hallA, "hallq/v1/" + A + "/events", "A events");
            // the marker: every reader may read the hall's liveness; once each has it, each has everything before
            publish(hallA, "hallq/v1/" + A + "/online", "marker");
            for (List<String> r : List.of(all, aSees, managerSees, boardSees, centralSees)) {
                assertTrue(CentralRecorder.await(() -> r.contains("hallq/v1/" + A + "/online marker"), 10_000),
                        r.toString());
            }
            assertEquals(13, all.size(), "the observer got every publish: " + all);
            Set<String> aGot = sorted(aSees);
            aGot.removeIf(s -> s.startsWith("hallq/v1/" + A + "/online marker"));
            assertEquals(Set.of("hallq/v1/" + A + "/cmd/central to A", "hallq/v1/" + B + "/status B status",
                    "hallq/v1/" + B + "/online B online"), aGot,
                    "a hall reads its own commands and the neighbours' status and liveness, nothing else");
            Set<String> managerGot = sorted(managerSees);
            managerGot.removeIf(s -> s.startsWith("hallq/v1/" + A + "/online marker"));
            // (the pattern lines let every login read every hall's status and liveness, as a hall does)
            Set<String> public_ = Set.of("hallq/v1/" + B + "/status B status", "hallq/v1/" + B + "/online B online");
            managerGot.removeAll(public_);
            assertEquals(Set.of("hallq/v1/" + A + "/reply/manager-" + A + " A to manager",
                    "hallq/v1/" + A + "/events A events"), managerGot,
                    "a manager reads its hall's events and its own answers, not central's commands or answers");
            Set<String> boardGot = sorted(boardSees);
            boardGot.removeIf(s -> s.startsWith("hallq/v1/" + A + "/online marker"));
            boardGot.removeAll(public_);
            assertEquals(Set.of("hallq/v1/" + A + "/board A board"), boardGot);
            Set<String> centralGot = sorted(centralSees);
            centralGot.removeIf(s -> s.startsWith("hallq/v1/" + A + "/online marker"));
            assertEquals(Set.of("hallq/v1/" + B + "/events B events", "hallq/v1/" + B + "/status B status",
                    "hallq/v1/" + B + "/online B online", "hallq/v1/" + B + "/board B board",
                    "hallq/v1/" + B + "/reply/central B reply/central", "hallq/v1/" + B + "/stats B stats",
                    "hallq/v1/" + A + "/reply/central A to central", "hallq/v1/" + A + "/board A board",
                    "hallq/v1/" + A + "/events A events"), centralGot,
                    "central reads the halls' topics and its own answers, not commands or a manager's answers");
        }
    }

    @Test
    void phoneLookups_aHallAsksOnlyForItself_onlyCentralAnswers_andOnlyTheAskingHallReadsTheAnswer() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), centralAcl());
             Logins l = new Logins(broker.uri())) {
            List<String> seen = l.all;
            MqttClient hallA = l.hallA;
            List<String> aSees = reader(hallA, "hallq/v1/+/lookup/#");
            MqttClient hallB = l.hallB;
            MqttClient central = l.central;
            List<String> centralSees = reader(central, "hallq/v1/+/lookup/#");
            MqttClient manager = l.manager;
            List<String> managerSees = reader(manager, "hallq/v1/+/lookup/#");
            MqttClient board = l.board;
            List<String> boardSees = reader(board, "hallq/v1/+/lookup/#");

            publish(hallA, "hallq/v1/" + A + "/lookup/request", "A asks");
            publish(hallB, "hallq/v1/" + B + "/lookup/request", "B asks");
            publish(central, "hallq/v1/" + A + "/lookup/reply", "to A");
            publish(central, "hallq/v1/" + B + "/lookup/reply", "to B");
            List<String> allowed = List.of("hallq/v1/" + A + "/lookup/request A asks",
                    "hallq/v1/" + B + "/lookup/request B asks", "hallq/v1/" + A + "/lookup/reply to A",
                    "hallq/v1/" + B + "/lookup/reply to B");
            // forged answers and requests: a hall answering itself or asking as another, central asking
            publish(hallA, "hallq/v1/" + A + "/lookup/reply", "A forged");
            publish(hallA, "hallq/v1/" + B + "/lookup/request", "A forged");
            publish(hallA, "hallq/v1/" + B + "/lookup/reply", "A forged");
            publish(central, "hallq/v1/" + A + "/lookup/request", "central forged");
            publish(manager, "hallq/v1/" + A + "/lookup/reply", "manager forged");
            publish(manager, "hallq/v1/" + A + "/lookup/request", "manager forged");
            publish(board, "hallq/v1/" + A + "/lookup/reply", "board forged");
            settle(hallA, "hallq/v1/" + A + "/status", seen);
            assertEquals(sorted(allowed), sorted(seen), "exactly the allowed lookup publishes reach a reader");
            // hall A read its own answer only; central every request; a manager and a board nothing
            publish(hallA, "hallq/v1/" + A + "/online", "marker");
            for (List<String> r : List.of(seen)) {
                assertTrue(CentralRecorder.await(() -> r.contains("hallq/v1/" + A + "/online marker"), 10_000));
            }
            assertTrue(CentralRecorder.await(() -> aSees.size() >= 1 && centralSees.size() >= 2, 10_000),
                    aSees + " " + centralSees);
            assertEquals(Set.of("hallq/v1/" + A + "/lookup/reply to A"), sorted(aSees));
            assertEquals(Set.of("hallq/v1/" + A + "/lookup/request A asks", "hallq/v1/" + B + "/lookup/request B asks"),
                    sorted(centralSees));
            assertEquals(List.of(), managerSees);
            assertEquals(List.of(), boardSees);
        }
    }
}
