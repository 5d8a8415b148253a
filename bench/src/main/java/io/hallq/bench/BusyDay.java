package io.hallq.bench;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
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

    /** Writes {@code days} busy days into {@code dir}; returns the number of events. */
    static long write(Path dir, HallConfig config, int days) {
        QueueEngine engine = new QueueEngine(config);
        Random random = new Random(1);
        long events = 0;
        try (Journal journal = Journal.open(dir)) {
            Instant day0 = TestHalls.MONDAY_10AM.minus(Duration.ofHours(1)); // 09:00
            for (int d = 0; d < days; d++) {
                Instant t = day0.plus(Duration.ofDays(d));
                for (int i = 0; i < TICKETS_PER_DAY; i++) {
                    t = t.plusMillis(6480); // 5,000 tickets over nine hours
                    events += run(engine, journal, new Command.IssueTicket(i % 3 == 0 ? "OPEN" : "PAY",
                            i % 10 == 0 ? "GOTONE" : null, null, null), t);
                    int counter = 2 + random.nextInt(2);
                    events += run(engine, journal, new Command.CallNext(counter), t);
                    if (random.nextInt(10) == 0) {
                        events += run(engine, journal, new Command.Recall(counter), t);
                    }
                    events += run(engine, journal, random.nextInt(20) == 0 ? new Command.NoShow(counter)
                            : new Command.Finish(counter), t.plusSeconds(5));
                }
            }
        }
        return events;
    }

    private static long run(QueueEngine engine, Journal journal, Command command, Instant at) {
        Result r = engine.handle(command, at);
        List<byte[]> chunk = new ArrayList<>();
        for (HallEvent e : r.events()) {
            if (e instanceof HallEvent.DayStarted d) {
                journal.append(chunk);
                chunk.clear();
                journal.startSegment(d.day());
            }
            chunk.add(EventCodec.encode(e));
        }
        journal.append(chunk);
        return r.events().size();
    }
}
