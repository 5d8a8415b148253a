package io.hallq.bench;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.TestHalls;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable commands per second through the controller (engine, journal append, fsync, then the answer).
 * With 8 callers at once the writer commits whatever queued up during the previous fsync in one go (group
 * commit); the baseline is one caller, so every command pays a whole fsync. A raw journal append of one
 * event with its own fsync is the floor both are measured against.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalBench {

    @State(Scope.Benchmark)
    public static class Hall {
        Path dir;
        HallController hall;

        @Setup(Level.Iteration)
        public void start() throws IOException {
            dir = Files.createTempDirectory("hallq-bench-journal");
            hall = HallController.start(Bench.wideNumbers(TestHalls.small(dir)), Clock.systemUTC(), Duration.ZERO);
        }

        @TearDown(Level.Iteration)
        public void stop() {
            hall.close();
            Bench.deleteTree(dir);
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        Path dir;
        Journal journal;
        final List<byte[]> one = List.of(EventCodec.encode(new HallEvent.TicketCalled(TestHalls.MONDAY_10AM, "E001", 3)));

        @Setup(Level.Iteration)
        public void open() throws IOException {
            dir = Files.createTempDirectory("hallq-bench-raw");
            journal = Journal.open(dir);
            journal.startSegment("2026-11-23");
        }

        @TearDown(Level.Iteration)
        public void close() {
            journal.close();
            Bench.deleteTree(dir);
        }
    }

    private static final String[] SERVICES = {"OPEN", "PAY", "BILL", "DIRECT"};

    /**
     * Every other command calls the next customer, so the queue stays as short as a hall's (with only tickets
     * the engine's estimate would dominate); a call-next that finds nobody becomes a ticket instead, and
     * anything still rejected fails the run: a rejection writes nothing and would flatter the figure.
     */
    private static Outcome issue(Hall h, Counter c) {
        long i = c.i++;
        Outcome o = i % 2 == 1 ? h.hall.submit(new Command.CallNext(2 + (int) (i / 2 % 2))).join() : null;
        if (o == null || !o.accepted()) {
            o = h.hall.submit(Command.IssueTicket.walkIn(SERVICES[(int) (i % 4)])).join();
        }
        if (!o.accepted()) {
            throw new IllegalStateException("rejected: " + o.result());
        }
        return o;
    }

    @Benchmark
    @Threads(8)
    public Outcome groupCommit8Callers(Hall h, Counter c) {
        return issue(h, c);
    }

    @Benchmark
    @Threads(1)
    public Outcome baselineOneCaller(Hall h, Counter c) {
        return issue(h, c);
    }

    @Benchmark
    @Threads(1)
    public long rawAppendWithFsync(Raw r) {
        return r.journal.append(r.one);
    }

    @State(Scope.Thread)
    public static class Counter {
        long i;
    }

}
