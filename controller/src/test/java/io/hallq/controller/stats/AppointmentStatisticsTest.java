package io.hallq.controller.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.stats.DailyStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day's statistics count bookings made, cancelled, checked in and lapsed, and remote tickets dropped. */
class AppointmentStatisticsTest {

    private static final HallConfig HALL = TestHalls.small(c -> c.withAppointments(new AppointmentsConfig(true, true,
            List.of("OPEN", "PAY", "BILL"), 0.5, Duration.ofMinutes(30), Duration.ofMinutes(15),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(30), 7, 1)));
    private static final Instant SLOT = TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30));

    private final QueueEngine engine = new QueueEngine(HALL);
    private final List<HallEvent> events = new ArrayList<>();

    private void run(Command c, Instant at) {
        Result r = engine.handle(c, at);
        assertTrue(r.accepted(), c + " -> " + r);
        events.addAll(r.events());
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    private static Command.Book book(int phone) {
        return new Command.Book("OPEN", SLOT, "138****000" + phone, hash(phone), null, "web");
    }

    @Test
    void aDayOfBookings_isCounted() {
        Instant ten = TestHalls.MONDAY_10AM;
        run(book(1), ten);
        run(book(2), ten);
        run(book(3), ten);
        run(new Command.CancelBooking("B000003", hash(3), null), ten);
        run(new Command.JoinRemote("PAY", null, "139****0009", hash(9), null), ten);
        run(new Command.JoinRemote("BILL", null, "139****0008", hash(8), null), ten);
        run(Command.IssueTicket.walkIn("PAY"), ten);
        run(new Command.CallNext(3), ten); // passes the PAY remote ticket over
        run(new Command.CheckIn("BILL", null, "139****0008", hash(8), null, true, false), ten);
        run(new Command.CheckIn("OPEN", null, "138****0001", hash(1), null, true, false), SLOT);
        run(new Command.Tick(), SLOT.plus(Duration.ofMinutes(10))); // booking 2 lapses, the PAY remote is dropped
        DailyStatistics day = HallStatistics.of(HALL, events).getFirst();
        assertEquals(new DailyStatistics.AppointmentsDay(3, 1, 1, 1, 2, 1, 1), day.appointments());
    }

    @Test
    void aDayWithoutBookings_hasNoBookingFigures() {
        run(Command.IssueTicket.walkIn("PAY"), TestHalls.MONDAY_10AM);
        assertNull(HallStatistics.of(HALL, events).getFirst().appointments());
    }
}
