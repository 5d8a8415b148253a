package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.mqtt.EventMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment topology: the hall talks to its own Mosquitto, which bridges the hall's topics to the
 * central Mosquitto over the WAN. The WAN (central broker) goes away, the hall keeps issuing and calling,
 * its controller restarts, the link comes back: central ends with every event once, in order.
 */
class BridgeIT {

    @TempDir
    Path dir;

    @Test
    void wanCutAndControllerRestart_centralGetsEveryEventOnceInOrder() {
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        try (Mosquitto centralBroker = Mosquitto.start(dir.resolve("central"));
             Mosquitto hallBroker = Mosquitto.start(dir.resolve("local"), List.of(
                     "connection central",
                     "address 127.0.0.1:" + centralBroker.port(),
                     "bridge_protocol_version mqttv50",
                     "remote_clientid bridge-hall-b",
                     "cleansession false",
                     "restart_timeout 1 2",
                     "topic hallq/v1/hall-b/# out 1",
                     "topic hallq/v1/hall-b/cmd/# in 1"));
             CentralRecorder central = new CentralRecorder(centralBroker.uri(), "central-b")) {
            String mqtt = SyncHalls.mqtt(hallBroker.uri(), "");
            SyncHalls.Running hall = SyncHalls.start(SyncHalls.loaded("hall-b", dir.resolve("hall"), mqtt), clock);
            try {
                work(hall.runtime().hall(), 40);
                assertTrue(CentralRecorder.await(
                        () -> central.lastSeq("hall-b") == hall.runtime().hall().lastSequence(), 20_000));
                centralBroker.stop();
                work(hall.runtime().hall(), 40);
            } finally {
                hall.close();
            }
            SyncHalls.Running again = SyncHalls.start(SyncHalls.loaded("hall-b", dir.resolve("hall"), mqtt), clock);
            try {
                HallController h = again.runtime().hall();
                work(h, 40);
                centralBroker.start();
                work(h, 20);
                long last = h.lastSequence();
                assertTrue(CentralRecorder.await(() -> central.lastSeq("hall-b") == last, 30_000),
                        "central at #" + central.lastSeq("hall-b") + " of #" + last);
                assertEquals(List.of(), central.problems());
                List<JournaledEvent> journal = h.eventsAfter(0, Integer.MAX_VALUE);
                List<EventMessage> got = central.events("hall-b");
                assertEquals(journal.size(), got.size());
                for (int i = 0; i < journal.size(); i++) {
                    assertEquals(journal.get(i).sequence(), got.get(i).seq());
                    assertEquals(Outbox.scrub(journal.get(i).event()), got.get(i).event());
                }
            } finally {
                again.close();
            }
        }
    }

    /** Issuing and calling: tickets for PAY and BILL, counters 2 and 3 calling the next. */
    private static void work(HallController h, int n) {
        for (int i = 0; i < n; i++) {
            h.submit(Command.IssueTicket.walkIn(i % 2 == 0 ? "PAY" : "BILL"));
            if (i % 3 == 2) {
                h.submit(new Command.CallNext(2 + i % 2));
            }
        }
        h.query(s -> s.issuedCount()).join();
    }
}
