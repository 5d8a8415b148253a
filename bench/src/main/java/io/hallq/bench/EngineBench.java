package io.hallq.bench;

import io.hallq.controller.TestHalls;
import java.time.Duration;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
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
 * Engine operations per second: one operation is a customer taking a ticket and a counter calling the next
 * (which also finishes its previous customer), with {@code waiting} customers always in the queue. The
 * baseline does the same bookkeeping in a plain FIFO deque, so the ratio is the price of the queue rules.
 * {@code engineTick} is the writer's periodic tick (alarms, overdue tickets) with {@code waiting} in the queue;
 * run with {@code -prof gc} for the bytes each allocates (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {

    @Param({"20", "200", "1000"})
    int waiting;

    private QueueEngine engine;
    private Instant now;
    private int counter;
    private ArrayDeque<HallEvent.TicketIssued> fifo;
    private long number;
    private HallEvent sample;

    private static final String[] SERVICES = {"OPEN", "PAY", "BILL"};

    @Setup(Level.Iteration)
    public void setUp() {
        engine = new QueueEngine(Bench.wideNumbers(TestHalls.small()));
        now = TestHalls.MONDAY_10AM;
        fill();
        fifo = new ArrayDeque<>();
        for (int i = 0; i < waiting; i++) {
            fifo.add(issued(i));
        }
        sample = new HallEvent.TicketCalled(now, "E001", 3);
    }

    private HallEvent.TicketIssued issued(long n) {
        return new HallEvent.TicketIssued(now, "E" + n, "PAY", "WALKIN", now, fifo.size(), 60, false, false,
                null, null);
    }

    private void fill() {
        for (int i = 0; i < waiting; i++) {
            engine.handle(new Command.IssueTicket(SERVICES[i % 3], i % 7 == 0 ? "GOTONE" : null, null, null), now);
        }
    }

    @Benchmark
    public Result engineIssueAndCall() {
        now = now.plusMillis(1);
        if (++number % 29_000 == 0) {
            // next morning 05:00, hall closed: leftovers are voided and a new day starts; amortised over 29,000 ops
            now = now.plus(Duration.ofDays(1)).minus(Duration.ofHours(5));
            engine.handle(new Command.Tick(), now);
            now = now.plus(Duration.ofHours(5));
            fill();
        }
        engine.handle(new Command.IssueTicket(SERVICES[(int) (number % 3)], null, null, null), now);
        counter = counter == 2 ? 3 : 2;
        return engine.handle(new Command.CallNext(counter), now);
    }

    @Benchmark
    public Result engineTick() {
        now = now.plusMillis(1);
        return engine.handle(new Command.Tick(), now);
    }

    @Benchmark
    public HallEvent.TicketIssued baselineFifo() {
        fifo.add(issued(number++));
        return fifo.poll();
    }

    @Benchmark
    public byte[] encodeOneEvent() {
        return EventCodec.encode(sample);
    }
}
