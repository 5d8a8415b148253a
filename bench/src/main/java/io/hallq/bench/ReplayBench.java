package io.hallq.bench;

import io.hallq.controller.hall.RecoveryReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        dir = BusyDay.dataSet("1-day", 1, false);
    }

    @Benchmark
    public RecoveryReport replayBusyDay() {
        return BusyDay.restart(dir);
    }

    @Benchmark
    public long baselineReadBytes() throws IOException {
        return Files.readAllBytes(dir.resolve("journal-2026-11-23.log")).length;
    }
}
