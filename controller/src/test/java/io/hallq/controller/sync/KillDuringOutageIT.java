package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.protocol.mqtt.EventMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller process is SIGKILLed while the broker is down (no shutdown hook, cursor file possibly behind),
 * started again while the broker is still down, keeps issuing, and the broker comes back: central must end
 * with every journal event exactly once after deduplication, in order.
 */
class KillDuringOutageIT {

    @TempDir
    Path dir;

    @Test
    void controllerKilledDuringOutage_centralStillGetsEveryEventOnceInOrder() throws Exception {
        Path data = dir.resolve("hall");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             CentralRecorder central = new CentralRecorder(broker.uri(), "central-k")) {
            Process first = fork(data, broker.uri(), 100_000, false);
            BlockingQueue<String> lines = lines(first);
            long seen = waitFor(lines, "DURABLE", 20);
            assertTrue(CentralRecorder.await(() -> central.lastSeq("hall-k") >= seen, 15_000));
            broker.stop();
            waitFor(lines, "DURABLE", seen + 40);
            first.destroyForcibly();
            assertTrue(first.waitFor(20, TimeUnit.SECONDS));

            Process second = fork(data, broker.uri(), 30, true);
            BlockingQueue<String> more = lines(second);
            waitFor(more, "DURABLE", 1);
            broker.start();
            long drained = waitFor(more, "DRAINED", 1);
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertTrue(CentralRecorder.await(() -> central.lastSeq("hall-k") == drained, 20_000),
                    "central at #" + central.lastSeq("hall-k") + " of #" + drained);
            assertEquals(List.of(), central.problems());
            try (HallController h = HallController.start(TestHalls.small(data), new io.hallq.controller.MutableClock(
                    TestHalls.MONDAY_10AM), Duration.ZERO)) {
                List<JournaledEvent> journal = h.eventsAfter(0, Integer.MAX_VALUE);
                List<EventMessage> got = central.events("hall-k");
                assertEquals(journal.size(), got.size());
                for (int i = 0; i < journal.size(); i++) {
                    assertEquals(journal.get(i).sequence(), got.get(i).seq());
                    assertEquals(Outbox.scrub(journal.get(i).event()), got.get(i).event());
                }
            }
        }
    }

    private static Process fork(Path data, String uri, int count, boolean drain) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
                SyncWorkload.class.getName(), data.toString(), uri, Integer.toString(count), drain ? "drain" : "run")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    q.add(l);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return q;
    }

    /** Waits for a line "{@code word} n" with n at least {@code atLeast}; returns n. */
    private static long waitFor(BlockingQueue<String> lines, String word, long atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null && l.startsWith(word + " ")) {
                long n = Long.parseLong(l.substring(word.length() + 1).trim());
                if (n >= atLeast) {
                    return n;
                }
            }
        }
        assertNotNull(null, "no '" + word + " >= " + atLeast + "' line");
        return -1;
    }
}
