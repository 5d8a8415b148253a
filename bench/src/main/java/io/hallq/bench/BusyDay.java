package io.hallq.bench;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.RecoveryReport;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueSnapshot;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes journals of busy days: 5,000 tickets a day through the real engine (issue, call, recall, no-show,
 * transfer, finish), about 25,000 events a day, in daily segments as the controller writes them.
 */
final class BusyDay {

    static final int TICKETS_PER_DAY = 5000;

    private BusyDay() {}

    /**
     * Writes {@code days} busy days into {@code dir}; returns the number of events. With {@code snapshots}, a
     * snapshot follows every day start and every 2,000 events, as the controller writes them by default. A day: a ticket every 6.5 s from 09:00
     * to 18:00, two counters calling with about 60 customers waiting (so waits of 6 to 7 minutes and overdue
     * alarms outside the busy period), a recall for half the calls, a transfer for one in five, a no-show for
     * one in twenty, a tick every 10 tickets.
     */
    static long write(Path dir, HallConfig config, int days, boolean snapshots) {
        QueueEngine engine = new QueueEngine(config);
        Random random = new Random(1);
        long events = 0;
        long lastSnapshot = 0;
        try (Journal journal = Journal.open(dir)) {
            Instant day0 = TestHalls.MONDAY_10AM.minus(Duration.ofHours(1)); // 09:00
            for (int d = 0; d < days; d++) {
                Instant t = day0.plus(Duration.ofDays(d));
                for (int i = 0; i < TICKETS_PER_DAY; i++) {
                    t = t.plusMillis(6480); // 5,000 tickets over nine hours
                    events += run(engine, journal, new Command.IssueTicket(SERVICES[i % 3],
                            i % 10 == 0 ? "GOTONE" : null, null, null), t);
                    if (snapshots && (i == 1 || journal.lastSequence() + PENDING.size() - lastSnapshot >= 2000)) {
                        flush(journal);
                        journal.snapshots().write(journal.lastSequence(), snapshot(engine));
                        lastSnapshot = journal.lastSequence();
                    }
                    if (i >= BACKLOG) {
                        events += serveOne(engine, journal, random, t);
                    }
                    if (i % 10 == 0) {
                        events += run(engine, journal, new Command.Tick(), t);
                    }
                }
            }
            flush(journal);
        }
        return events;
    }

    private static final String[] SERVICES = {"OPEN", "PAY", "BILL"};
    private static final int BACKLOG = 60;

    private static long serveOne(QueueEngine engine, Journal journal, Random random, Instant t) {
        int counter = 2 + random.nextInt(2);
        long events = run(engine, journal, new Command.CallNext(counter), t);
        if (random.nextBoolean()) {
            events += run(engine, journal, new Command.Recall(counter), t.plusSeconds(1));
        }
        int fate = random.nextInt(20);
        if (fate < 4) {
            String current = engine.state().counter(counter).current();
            String service = current == null ? "PAY" : engine.state().ticket(current).service();
            events += run(engine, journal, new Command.Transfer(counter, service.equals("PAY") ? "BILL" : "PAY"),
                    t.plusSeconds(2));
        } else if (fate == 4) {
            events += run(engine, journal, new Command.NoShow(counter), t.plusSeconds(2));
        }
        return events;
    }

    /** The hall every busy-day benchmark uses: the small test hall with numbers up to 9999. */
    static HallConfig hall() {
        return Bench.wideNumbers(TestHalls.small());
    }

    /**
     * A data set in java.io.tmpdir/hallq-bench-restart-v3/{name}, written once and reused by every fork and
     * every benchmark (a month of history takes a while to write).
     */
    static Path dataSet(String name, int days, boolean snapshots) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hallq-bench-restart-v3", name);
        Path done = dir.resolve("complete");
        if (!Files.exists(done)) {
            Bench.deleteTree(dir);
            write(dir, hall(), days, snapshots);
            try {
                Files.createFile(done);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** Starts the controller on a data set (a restart: recovery included) and stops it again. */
    static RecoveryReport restart(Path dir) {
        HallConfig config = TestHalls.withJournal(hall(), new JournalConfig(dir.toString(), 3650, 2000));
        try (HallController c = HallController.start(config, Clock.systemUTC(), Duration.ZERO)) {
            return c.recovery();
        }
    }

    private static byte[] snapshot(QueueEngine engine) {
        try {
            return EventCodec.newMapper().writeValueAsBytes(QueueSnapshot.of(engine.state()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events not yet appended: writing a month of history with an fsync per command would take many minutes. */
    private static final List<byte[]> PENDING = new ArrayList<>();

    private static long run(QueueEngine engine, Journal journal, Command command, Instant at) {
        Result r = engine.handle(command, at);
        for (HallEvent e : r.events()) {
            if (e instanceof HallEvent.DayStarted d) {
                flush(journal);
                journal.startSegment(d.day());
            }
            PENDING.add(EventCodec.encode(e));
        }
        if (PENDING.size() >= 512) {
            flush(journal);
        }
        return r.events().size();
    }

    static void flush(Journal journal) {
        journal.append(PENDING);
        PENDING.clear();
    }
}
