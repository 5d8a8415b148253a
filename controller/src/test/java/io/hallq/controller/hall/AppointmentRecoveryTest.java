package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Booking;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.DayBookings;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.StateFingerprint;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookings and remote tickets are journaled and survive a restart, from a full replay and from a snapshot. */
class AppointmentRecoveryTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);

    static final Instant ELEVEN = Instant.parse("2026-11-23T03:00:00Z");

    private HallConfig config(int snapshotEvery) {
        return TestHalls.withJournal(TestHalls.small(dir), new JournalConfig(dir.toString(), 60, snapshotEvery))
                .withAppointments(new AppointmentsConfig(true, true, List.of("OPEN", "PAY", "BILL"), 0.5,
                        Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(10),
                        Duration.ofMinutes(30), 7, 1));
    }

    private static Outcome run(HallController c, Command command) {
        Outcome o = c.submit(command).orTimeout(10, TimeUnit.SECONDS).join();
        assertTrue(o.result().accepted(), command + ": " + o.result());
        return o;
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    private static Command.Book book(Instant slot, int phone) {
        return new Command.Book("OPEN", slot, "138****" + String.format("%04d", phone), hash(phone),
                "page-token-" + "x".repeat(10) + phone, "web");
    }

    /** Bookings of several kinds: booked, cancelled, checked in, lapsed later; a remote ticket passed over. */
    private void aDayOfBookings(HallController c) {
        run(c, book(ELEVEN, 1));
        run(c, book(ELEVEN, 2));
        run(c, book(ELEVEN.plus(Duration.ofDays(1)), 3));
        run(c, new Command.CancelBooking("B000002", hash(2), "customer"));
        clock.set(ELEVEN.minus(Duration.ofMinutes(10)));
        run(c, new Command.CheckIn("OPEN", null, "138****0001", hash(1), "print-token-" + "z".repeat(10), true, true));
        run(c, new Command.JoinRemote("PAY", null, "139****0009", hash(9), "remote-token-" + "y".repeat(10)));
        run(c, Command.IssueTicket.walkIn("PAY"));
        run(c, new Command.CallNext(3)); // the OPEN appointment first (its rank is 10:50)
        run(c, new Command.CallNext(3)); // then the walk-in PAY, passing the remote ticket over at 10:50
    }

    @Test
    void bookingsAndRemoteTickets_surviveARestart_exactly() {
        HallConfig config = config(2000);
        String before;
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            aDayOfBookings(c);
            before = c.query(StateFingerprint::of).join();
        }
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            assertEquals(before, c.query(StateFingerprint::of).join());
            DayBookings today = c.query(s -> s.appointments().day(LocalDate.of(2026, 11, 23))).join();
            assertEquals(List.of(Booking.Status.CHECKED_IN, Booking.Status.CANCELLED),
                    today.bookings().stream().map(Booking::status).toList());
            assertEquals(1, today.checkedIn());
            assertEquals(1, today.cancelled());
            // the next booking number goes on from the journal, and the phone limit still counts the old booking
            Outcome next = run(c, book(ELEVEN.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), 4));
            assertEquals("B000004", ((HallEvent.BookingMade) next.events().get(0).event()).booking());
            assertEquals(io.hallq.controller.queue.RejectReason.BOOKING_LIMIT, c.submit(
                    book(ELEVEN.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), 3)).join().result() instanceof
                    io.hallq.controller.queue.Result.Rejected r ? r.reason() : null);
            // the remote ticket held its passed-over time: it is dropped 30 minutes after it was passed over
            clock.set(ELEVEN.plus(Duration.ofMinutes(21)));
            run(c, new Command.Tick());
            assertEquals(1, c.query(s -> s.appointments().remoteDroppedToday()).join());
        }
    }

    private static Booking.Status statusOf(HallController c, String booking) {
        return c.query(s -> s.appointments().day(LocalDate.of(2026, 11, 23)).bookings().stream()
                .filter(b -> b.id().equals(booking)).findFirst().orElseThrow().status()).join();
    }

    private static Command.CheckIn checkInAtTheDispenser(int phone, String token) {
        return new Command.CheckIn("OPEN", null, "138****" + String.format("%04d", phone), hash(phone),
                token + "-" + "z".repeat(12), true, true);
    }

    @Test
    void aPowerCutBeforeTheAppointmentTicketPrinted_letsTheBookingCheckInAgain() {
        HallConfig config = config(2000);
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            run(c, book(ELEVEN, 1));
            clock.set(ELEVEN.minus(Duration.ofMinutes(10)));
            run(c, checkInAtTheDispenser(1, "first-print"));
            assertEquals(Booking.Status.CHECKED_IN, statusOf(c, "B000001"));
        } // the power goes before the printer confirms the paper
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            assertEquals(Booking.Status.BOOKED, statusOf(c, "B000001"), "the unprinted ticket was voided at start");
            Outcome again = run(c, checkInAtTheDispenser(1, "second-print"));
            HallEvent.TicketIssued t = (HallEvent.TicketIssued) again.events().get(0).event();
            assertEquals("B000001", t.booking());
            assertEquals(HallEvent.TicketOrigin.APPOINTMENT, t.origin());
            assertEquals(Booking.Status.CHECKED_IN, statusOf(c, "B000001"));
            run(c, new Command.MarkPrinted(t.ticket()));
        }
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            assertEquals(Booking.Status.CHECKED_IN, statusOf(c, "B000001"), "a printed ticket is the customer's");
        }
    }

    @Test
    void aFailedPrintVoidsTheTicket_andReopensTheBooking_butAVoidOfAHeldTicketDoesNot() {
        try (HallController c = HallController.start(config(2000), clock, Duration.ZERO)) {
            run(c, book(ELEVEN, 1));
            run(c, book(ELEVEN, 2));
            clock.set(ELEVEN.minus(Duration.ofMinutes(10)));
            String first = ((HallEvent.TicketIssued) run(c, checkInAtTheDispenser(1, "jam")).events().get(0)
                    .event()).ticket();
            run(c, new Command.VoidTicket(first, "print failed: paper jam"));
            assertEquals(Booking.Status.BOOKED, statusOf(c, "B000001"));
            String held = ((HallEvent.TicketIssued) run(c, checkInAtTheDispenser(2, "fine")).events().get(0)
                    .event()).ticket();
            run(c, new Command.MarkPrinted(held));
            run(c, new Command.VoidTicket(held, "customer left"));
            assertEquals(Booking.Status.CHECKED_IN, statusOf(c, "B000002"));
        }
    }

    @Test
    void restartFromASnapshot_keepsTheBookings_likeAFullReplay() {
        HallConfig config = config(10);
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            aDayOfBookings(c);
            for (int i = 0; i < 12; i++) {
                run(c, Command.IssueTicket.walkIn("BILL"));
            }
        }
        String fromSnapshot;
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            assertTrue(c.recovery().snapshotSequence() > 0, c.recovery().toString());
            fromSnapshot = c.query(StateFingerprint::of).join();
        }
        try (Journal j = Journal.open(dir)) {
            QueueState recovered = new QueueState(config);
            j.forEachAfter(0, r -> recovered.apply(EventCodec.decode(r.payload())));
            assertEquals(StateFingerprint.of(recovered), fromSnapshot);
            assertTrue(fromSnapshot.contains("B000001"), fromSnapshot);
        }
    }
}
