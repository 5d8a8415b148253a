package io.hallq.controller.web;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;

/**
 * A busy past Monday (16 November) in a hall's journal, played through the real engine before the
 * {@link WebTestHall} starts on Monday 23 November, 10:00: the busy/idle profile then has one Monday with 12 OPEN customers between 10:00 and
 * 11:00, each called at once and served in 10 minutes (2 Erlangs: Erlang C advises 3 counters at 10:00 for 80%
 * within the 15-minute busy target, and 0 in the other opening hours).
 */
public final class StaffingHistory {

    private StaffingHistory() {}

    /** Writes the busy Monday of the week before into the journal in {@code dataDir}; start the hall after. */
    public static void busyMondayWeekBefore(Path dataDir) {
        busyMonday(dataDir, 1);
    }

    /**
     * The same busy Monday in each of the {@code weeks} weeks before, earliest first: with 3, the profile holds
     * enough Mondays for the staffing-to-target search.
     */
    public static void busyMondays(Path dataDir, int weeks) {
        for (int w = weeks; w >= 1; w--) {
            busyMonday(dataDir, w);
        }
    }

    private static void busyMonday(Path dataDir, int weeksBefore) {
        Instant start = TestHalls.MONDAY_10AM.minus(Duration.ofDays(7L * weeksBefore));
        MutableClock clock = new MutableClock(start);
        try (HallController h = HallController.start(TestHalls.small(dataDir), clock, Duration.ZERO)) {
            for (int i = 0; i < 12; i++) {
                clock.set(start.plus(Duration.ofMinutes(5L * i)));
                if (i >= 2) {
                    h.submit(new Command.Finish(counter(i - 2))).join();
                }
                h.submit(Command.IssueTicket.walkIn("OPEN")).join();
                h.submit(new Command.CallNext(counter(i))).join();
            }
            clock.set(start.plus(Duration.ofMinutes(60)));
            h.submit(new Command.Finish(counter(10))).join();
            clock.set(start.plus(Duration.ofMinutes(65)));
            h.submit(new Command.Finish(counter(11))).join();
        }
    }

    /**
     * An overloaded Monday in each of the {@code weeks} weeks before: 60 OPEN customers between 10:00 and 11:00
     * (one a minute), counters 2 and 3 each calling one every 10 minutes and serving them in 10 minutes. The
     * profile's 10:00 is then 60 arrivals of 600 s (10 Erlangs): more than the small hall's 4 counters.
     */
    public static void overloadedMondays(Path dataDir, int weeks) {
        for (int w = weeks; w >= 1; w--) {
            Instant start = TestHalls.MONDAY_10AM.minus(Duration.ofDays(7L * w));
            MutableClock clock = new MutableClock(start);
            try (HallController h = HallController.start(TestHalls.small(dataDir), clock, Duration.ZERO)) {
                for (int i = 0; i < 60; i++) {
                    clock.set(start.plus(Duration.ofMinutes(i)));
                    h.submit(Command.IssueTicket.walkIn("OPEN")).join();
                    if (i % 10 == 0) {
                        for (int c = 2; c <= 3; c++) {
                            if (i > 0) {
                                h.submit(new Command.Finish(c)).join();
                            }
                            h.submit(new Command.CallNext(c)).join();
                        }
                    }
                }
                clock.set(start.plus(Duration.ofMinutes(60)));
                h.submit(new Command.Finish(2)).join();
                h.submit(new Command.Finish(3)).join();
                // those left are served quickly after 11:00, so nobody is left waiting when the day closes
                for (int i = 0; i < 60; i++) { // more than are left: a call on an empty queue is refused
                    clock.set(start.plus(Duration.ofMinutes(60)).plusSeconds(20L * i + 1));
                    h.submit(new Command.CallNext(2)).join();
                    clock.set(start.plus(Duration.ofMinutes(60)).plusSeconds(20L * i + 11));
                    h.submit(new Command.Finish(2)).join();
                }
            }
        }
    }

    /** Counters 2 and 3 take turns. */
    private static int counter(int i) {
        return 2 + i % 2;
    }

    /** Closes counters 1 and 4 and issues 5 PAY tickets: 5 waiting at 2 open counters raise the early warning. */
    public static void earlyWarning(WebTestHall hall) {
        HallController h = hall.hall();
        h.submit(new Command.CloseCounter(1)).join();
        h.submit(new Command.CloseCounter(4)).join();
        for (int i = 0; i < 5; i++) {
            h.submit(Command.IssueTicket.walkIn("PAY")).join();
        }
    }
}
