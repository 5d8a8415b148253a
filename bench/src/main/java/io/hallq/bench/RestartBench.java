package io.hallq.bench;

import io.hallq.controller.hall.RecoveryReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        dir = BusyDay.dataSet(history, history.startsWith("30") ? 30 : 1, history.endsWith("snapshots"));
    }

    @Benchmark
    public RecoveryReport restart() {
        return BusyDay.restart(dir);
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
