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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replaying a whole busy day (5,000 tickets, about 25,000 events, no snapshot) in a warmed-up JVM: the
 * journal opened and checked, every event decoded and applied, the controller ready. {@link RestartBench}
 * measures the same from a cold JVM. Baseline: reading the day's file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReplayBench {

    private Path dir;

    @Setup(Level.Trial)
    public void data() {
        dir = Path.of(System.getProperty("java.io.tmpdir"), "hallq-bench-restart-v3", "1-day");
        if (!Files.exists(dir.resolve("complete"))) {
            Bench.deleteTree(dir);
            BusyDay.write(dir, Bench.wideNumbers(TestHalls.small()), 1, false);
            try {
                Files.createFile(dir.resolve("complete"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Benchmark
    public RecoveryReport replayBusyDay() {
        HallConfig config = TestHalls.withJournal(Bench.wideNumbers(TestHalls.small()),
                new JournalConfig(dir.toString(), 3650, 2000));
        try (HallController hall = HallController.start(config, Clock.systemUTC(), Duration.ZERO)) {
            return hall.recovery();
        }
    }

    @Benchmark
    public long baselineReadBytes() throws IOException {
        return Files.readAllBytes(dir.resolve("journal-2026-11-23.log")).length;
    }
}
