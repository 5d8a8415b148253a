package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.QueueState;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinylog.Logger;

/**
 * Power-cut test: a forked JVM runs {@link CrashWorkload} and is killed with SIGKILL at random moments, again
 * and again on the same journal. Afterwards every acknowledged event must be in the journal at its sequence
 * number, and the journal must replay into a valid queue with no number issued twice in a day and no
 * ticket called while it was called.
 */
class CrashIT {

    private static final int ROUNDS = Integer.getInteger("hallq.crash.rounds", 200);

    @TempDir
    Path dir;

    private final Map<Long, String> acked = new HashMap<>();
    private long lastAcked;

    @Test
    void sigkillAtRandomMoments_losesNothingAcknowledged_andNeverRepeatsOrDoubleCalls() throws Exception {
        Random random = new Random(20261123);
        for (int round = 0; round < ROUNDS; round++) {
            runAndKill(round, random);
        }
        Logger.info("{} kill rounds, {} events acknowledged", ROUNDS, acked.size());
        assertTrue(acked.size() > ROUNDS, "the workload made too little progress: " + acked.size());
        verifyJournal();
        try (HallController hall = HallController.start(TestHalls.withJournal(TestHalls.small(),
                new io.hallq.controller.config.JournalConfig(dir.toString(), 60, 300)), java.time.Clock.systemUTC(),
                java.time.Duration.ZERO)) {
            assertEquals(List.of(), hall.query(s -> s.awaitingPrint().stream().map(t -> t.number()).toList()).join(),
                    "after a start no paper ticket waits unconfirmed");
        }
        verifyJournal(); // and the voids that start may add fit the journal too
        assertTrue(voidedUnprinted > 0, "no kill fell between a paper ticket and its print confirmation");
        Logger.info("{} paper tickets voided at a start: killed before their print was confirmed", voidedUnprinted);
    }

    private void runAndKill(int round, Random random) throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath(), CrashWorkload.class.getName(), dir.toString(), Integer.toString(round))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(p, lines));
        reader.start();
        boolean waitReady = random.nextInt(100) < 85; // otherwise kill during start-up or recovery
        if (waitReady) {
            String ready = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(ready, "round " + round + ": no READY");
            long recovered = Long.parseLong(ready.split(" ")[1]);
            assertTrue(recovered >= lastAcked, "round " + round + ": recovered #" + recovered
                    + " but #" + lastAcked + " was acknowledged");
            // the kill's moment is the test's input, drawn at random: a power cut waits for nothing
            Thread.sleep(random.nextInt(300));
        } else {
            Thread.sleep(random.nextInt(600)); // as above, now during start-up or recovery
        }
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        reader.join();
        for (String line : lines) {
            record(line);
        }
    }

    private static void read(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was killed mid-line: what was read so far is all it acknowledged
        }
    }

    private void record(String line) {
        String[] f = line.split(" ");
        if (f[0].equals("ACK") && f.length == 4) {
            long seq = Long.parseLong(f[1]);
            acked.put(seq, f[2] + " " + f[3]);
            lastAcked = Math.max(lastAcked, seq);
        }
    }

    private void verifyJournal() {
        try (Journal journal = Journal.open(dir)) {
            Map<Long, HallEvent> events = new HashMap<>();
            List<Long> order = new ArrayList<>();
            journal.forEachAfter(0, r -> {
                events.put(r.sequence(), EventCodec.decode(r.payload()));
                order.add(r.sequence());
            });
            for (int i = 0; i < order.size(); i++) {
                assertEquals(i + 1, order.get(i), "sequence gap");
            }
            acked.forEach((seq, what) -> {
                HallEvent e = events.get(seq);
                assertNotNull(e, "acknowledged event #" + seq + " (" + what + ") is missing");
                assertEquals(what, e.getClass().getSimpleName() + " " + CrashWorkload.ticketOf(e), "event #" + seq);
            });
            replayAndCheck(order, events);
        }
    }

    /** Paper tickets voided at a start because a kill came before their print was confirmed. */
    private static int voidedUnprinted;

    private static void replayAndCheck(List<Long> order, Map<Long, HallEvent> events) {
        voidedUnprinted = 0;
        QueueState state = new QueueState(TestHalls.small());
        Set<String> issuedToday = new HashSet<>();
        Set<String> called = new HashSet<>();
        for (long seq : order) {
            HallEvent e = events.get(seq);
            switch (e) {
                case HallEvent.DayStarted d -> {
                    issuedToday.clear();
                    called.clear();
                }
                case HallEvent.TicketIssued t -> assertTrue(issuedToday.add(t.ticket()), "#" + seq + " repeats " + t.ticket());
                case HallEvent.TicketCalled c -> assertTrue(called.add(c.ticket()), "#" + seq + " calls " + c.ticket() + " twice");
                case HallEvent.TicketNoShow n -> called.remove(n.ticket());
                case HallEvent.TicketServed s -> called.remove(s.ticket());
                case HallEvent.TicketTransferred t -> called.remove(t.ticket());
                case HallEvent.TicketVoided v -> called.remove(v.ticket());
                default -> { }
            }
            if (e instanceof HallEvent.TicketVoided v && v.reason().equals(HallController.VOID_UNPRINTED)) {
                voidedUnprinted++;
            }
            state.apply(e); // throws if an event does not fit the state it follows
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
