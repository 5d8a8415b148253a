package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.queue.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots follow the journal's position, not the events of one process's life (issue #11, item 6). */
class SnapshotByPositionTest {

    private static final int EVERY = 50;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);

    private HallConfig config() {
        return TestHalls.withJournal(TestHalls.small(dir), new JournalConfig(dir.toString(), 60, EVERY));
    }

    /** Journals {@code events} events (one per accepted fault/recovery), from a fresh process. */
    private RecoveryReport runOnce(int events) {
        try (HallController c = HallController.start(config(), clock, Duration.ZERO)) {
            List<CompletableFuture<Outcome>> done = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                Command cmd = i % 2 == 0 ? new Command.DeviceFault("printer", "缺纸", "Paper out")
                        : new Command.DeviceRecovered("printer");
                done.add(c.submit(cmd));
            }
            done.forEach(f -> f.orTimeout(10, TimeUnit.SECONDS).join());
            return c.recovery();
        }
    }

    private RecoveryReport recoveryNow() {
        try (HallController c = HallController.start(config(), clock, Duration.ZERO)) {
            return c.recovery();
        }
    }

    @Test
    void twoShortRunsPastSnapshotEvery_writeASnapshot_soTheNextStartReplaysLessThanSnapshotEvery() {
        runOnce(1);                    // the business day starts (and snapshots, as every new day does)
        long daySnapshot = recoveryNow().snapshotSequence();
        runOnce(30);                   // like the 1,500 of 2,000 ...
        runOnce(22);                   // ... then 1,100: together past snapshotEvery since the newest snapshot
        RecoveryReport next = recoveryNow();
        assertTrue(next.snapshotSequence() >= daySnapshot + EVERY, next.toString());
        assertTrue(next.replayedEvents() < EVERY, next.toString());
    }

    @Test
    void manyKillsAndRestartsInADay_neverReplayMoreThanSnapshotEveryAndOneBatch() {
        runOnce(1);
        for (int restart = 0; restart < 12; restart++) {
            runOnce(17);
            RecoveryReport r = recoveryNow();
            // at most snapshotEvery events since the newest snapshot, plus the batch that crossed the line
            assertTrue(r.replayedEvents() < EVERY + 17, "restart " + restart + ": " + r);
        }
        RecoveryReport last = recoveryNow();
        assertTrue(last.snapshotSequence() > 150, last.toString());
    }
}
