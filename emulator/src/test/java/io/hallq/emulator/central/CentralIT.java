package io.hallq.emulator.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import io.hallq.controller.sync.CentralRecorder;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.emulator.Emulator;
import io.hallq.emulator.EmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default emulator run publishes to its embedded broker (HiveMQ CE), and two copies of the central
 * tool in one shared-subscription group split the event stream between them while both show the hall.
 */
class CentralIT {

    @TempDir
    Path dir;

    @Test
    void emulatorPublishesToItsEmbeddedBroker_andTwoCentralCopiesSplitTheEvents() throws Exception {
        int port = Mosquitto.freePort();
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"))
                .replace("tcp://127.0.0.1:18830", "tcp://127.0.0.1:" + port)
                .replace("statusInterval: 10s", "statusInterval: 1s");
        Path config = dir.resolve("hall.yaml");
        Files.writeString(config, yaml);
        String uri = "tcp://127.0.0.1:" + port;
        Set<Long> a = ConcurrentHashMap.newKeySet();
        Set<Long> b = ConcurrentHashMap.newKeySet();
        Path csv = dir.resolve("a.csv");
        try (Emulator emulator = Emulator.start(new EmulatorOptions(config, dir.resolve("data"), 200, 3, null));
             CentralMonitor first = new CentralMonitor(
                     new CentralOptions(uri, "central", null, null, null, csv, null, null), e -> a.add(e.seq()));
             CentralMonitor second = new CentralMonitor(
                     new CentralOptions(uri, "central", null, null, null, null, null, null), e -> b.add(e.seq()))) {
            first.start();
            second.start();
            long target = emulator.hall().lastSequence() + 40;
            assertTrue(CentralRecorder.await(() -> a.size() + b.size() >= target - 5 && a.size() > 0 && b.size() > 0,
                    60_000), "split: " + a.size() + " + " + b.size());
            assertTrue(CentralRecorder.await(() -> first.rows().containsKey("sh-pudong-01")
                    && first.rows().get("sh-pudong-01").status() != null
                    && second.rows().get("sh-pudong-01") != null
                    && second.rows().get("sh-pudong-01").status() != null, 20_000), first.table());
            assertTrue(first.table().contains("sh-pudong-01"));
            assertEquals(Boolean.TRUE, first.rows().get("sh-pudong-01").online());
            first.flush(); // on the monitor's own thread: the rows are in the file a moment later
            Await.until("the CSV has a row", () -> {
                try {
                    return Files.readAllLines(csv).size() > 1;
                } catch (java.io.IOException notYet) {
                    return false;
                }
            });
            List<String> lines = Files.readAllLines(csv);
            assertEquals(EventCsv.HEADER, lines.get(0));
            assertTrue(lines.size() > 1 && lines.get(1).startsWith("sh-pudong-01,"), lines.toString());
        }
    }

    @Test
    void options_rejectBadValuesWithAReason() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CentralOptions.parse(List.of("--broker", "http://x")));
        assertTrue(e.getMessage().startsWith("--broker: expected"), e.getMessage());
        assertEquals("tcp://127.0.0.1:18830", CentralOptions.parse(List.of()).broker());
    }

}
