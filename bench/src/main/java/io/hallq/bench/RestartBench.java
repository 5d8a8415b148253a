package io.hallq.bench;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.RecoveryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Restart time: open the journal, load the newest snapshot, replay what follows and be ready to take
 * commands. Each measurement is the first restart in a fresh JVM (single shot, cold classes, as after a power
 * cut). History: one busy day (5,000 tickets, about 25,000 events) or 30 busy days; with the snapshots the
 * controller writes (each day start and every 2,000 events) or without any, so the whole history is replayed. Baseline: reading the same journal files' bytes, no decoding.
 * The data sets are written once into java.io.tmpdir/hallq-bench-restart and reused by every fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class RestartBench {

    @Param({"1-day", "1-day-snapshots", "30-days-snapshots", "30-days"})
    String history;

    private Path dir;

    @Setup(Level.Trial)
    public void data() {
        boolean snapshots = history.endsWith("snapshots");
        int days = history.startsWith("30") ? 30 : 1;
        dir = Path.of(System.getProperty("java.io.tmpdir"), "hallq-bench-restart-v3", history);
        Path done = dir.resolve("complete");
        if (!Files.exists(done)) {
            Bench.deleteTree(dir);
            BusyDay.write(dir, Bench.wideNumbers(TestHalls.small()), days, snapshots);
            try {
                Files.createFile(done);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Benchmark
    public RecoveryReport restart() {
        HallConfig config = TestHalls.withJournal(Bench.wideNumbers(TestHalls.small()),
                new JournalConfig(dir.toString(), 3650, 2000));
        try (HallController hall = HallController.start(config, Clock.systemUTC(), Duration.ZERO)) {
            return hall.recovery();
        }
    }

    @Benchmark
    public long baselineReadBytes() throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                total += Files.readAllBytes(p).length;
            }
        }
        return total;
    }
}
