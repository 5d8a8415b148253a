package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketOrigin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bookings, check-in and remote tickets in the engine (docs/appointments.md). */
class AppointmentEngineTest {

    /** Monday 2026-11-23 11:00 Shanghai. */
    static final Instant ELEVEN = Instant.parse("2026-11-23T03:00:00Z");

    static AppointmentsConfig on() {
        return new AppointmentsConfig(true, true, List.of("OPEN", "PAY", "BILL"), 0.5, Duration.ofMinutes(30),
                Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(30), 7, 1);
    }

    static HallConfig hall() {
        return TestHalls.small(c -> c.withAppointments(on()));
    }

    static String hash(int n) {
        return String.format("%064x", n);
    }

    static Command.Book book(String service, Instant slot, int phone) {
        return new Command.Book(service, slot, "138****" + String.format("%04d", phone), hash(phone), null, "web");
    }

    static Command.CheckIn checkIn(String service, int phone, boolean walkIn) {
        return new Command.CheckIn(service, null, "138****" + String.format("%04d", phone), hash(phone), null, true,
                walkIn);
    }

    @Test
    void slotCapacity_isTheShareOfTheCounters_andAFullSlotRejects() {
        EngineHarness h = new EngineHarness(hall());
        // 3 counters take OPEN (the direct-queue window does not count) x 0.5 x 30 min = 45 counter-minutes: 4 of 10 min
        BookingSlot before = h.engine.state().appointments().slot("OPEN", ELEVEN);
        assertEquals(3, before.counters());
        assertEquals(4, before.capacity());
        for (int i = 1; i <= 4; i++) {
            HallEvent.BookingMade b = EngineHarness.only(h.ok(book("OPEN", ELEVEN, i)), HallEvent.BookingMade.class);
            assertEquals(String.format("B%06d", i), b.booking());
        }
        assertEquals(RejectReason.SLOT_FULL, h.rejected(book("OPEN", ELEVEN, 5)).reason());
        // 5 counter-minutes are left: two PAY customers (2 min) fit, a third does not
        assertEquals(2, h.engine.state().appointments().slot("PAY", ELEVEN).left());
        h.ok(book("PAY", ELEVEN, 6));
        h.ok(book("PAY", ELEVEN, 7));
        assertEquals(RejectReason.SLOT_FULL, h.rejected(book("PAY", ELEVEN, 8)).reason());
        assertEquals(0, h.engine.state().appointments().slot("OPEN", ELEVEN).left());
    }

    @Test
    void booking_isRefused_offGrid_inThePast_tooFarAhead_overThePhoneLimit_orWithAClearNumber() {
        EngineHarness h = new EngineHarness(hall());
        assertEquals(RejectReason.SLOT_NOT_BOOKABLE, h.rejected(book("OPEN", ELEVEN.plusSeconds(600), 1)).reason());
        assertEquals(RejectReason.SLOT_NOT_BOOKABLE, h.rejected(book("OPEN", ELEVEN.minusSeconds(3600), 1)).reason());
        assertEquals(RejectReason.SLOT_NOT_BOOKABLE, h.rejected(book("OPEN", ELEVEN.plus(Duration.ofDays(8)), 1)).reason());
        assertEquals(RejectReason.SLOT_NOT_BOOKABLE, h.rejected(book("OPEN", ELEVEN.plus(Duration.ofHours(8)), 1)).reason());
        assertEquals(RejectReason.APPOINTMENTS_OFF, h.rejected(book("DIRECT", ELEVEN, 1)).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new Command.Book("OPEN", ELEVEN, "13812345678", hash(1), null,
                "web")).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new Command.Book("OPEN", ELEVEN, "138****0001", "13812345678",
                null, "web")).reason());
        h.ok(book("OPEN", ELEVEN, 1));
        assertEquals(RejectReason.BOOKING_LIMIT, h.rejected(book("BILL", ELEVEN.plusSeconds(1800), 1)).reason());
        h.ok(book("OPEN", ELEVEN.plus(Duration.ofDays(1)), 1)); // another day is another day
        assertTrue(h.journal.stream().noneMatch(e -> e.toString().contains("13812345678")));
    }

    @Test
    void offHall_takesNoBookings() {
        EngineHarness h = EngineHarness.small();
        assertEquals(RejectReason.APPOINTMENTS_OFF, h.rejected(book("OPEN", ELEVEN, 1)).reason());
        assertEquals(RejectReason.APPOINTMENTS_OFF, h.rejected(new Command.JoinRemote("OPEN", null, "138****0001",
                hash(1), null)).reason());
    }

    @Test
    void cancelling_needsTheSamePhone_andGivesTheRoomBack() {
        EngineHarness h = new EngineHarness(hall());
        h.ok(book("OPEN", ELEVEN, 1));
        assertEquals(3, h.engine.state().appointments().slot("OPEN", ELEVEN).left());
        assertEquals(RejectReason.UNKNOWN_BOOKING,
                h.rejected(new Command.CancelBooking("B000001", hash(2), null)).reason());
        h.ok(new Command.CancelBooking("B000001", hash(1), "customer"));
        assertEquals(4, h.engine.state().appointments().slot("OPEN", ELEVEN).left());
        assertEquals(Booking.Status.CANCELLED, h.engine.state().appointments().booking("B000001").orElseThrow().status());
        assertEquals(RejectReason.BOOKING_NOT_LIVE,
                h.rejected(new Command.CancelBooking("B000001", null, null)).reason());
    }

    @Test
    void checkIn_insideTheWindow_issuesAnAppointmentTicket_rankedBySlotTimeMinusHeadStart() {
        EngineHarness h = new EngineHarness(hall());
        h.ok(book("OPEN", ELEVEN, 1));
        h.now = ELEVEN.minus(Duration.ofMinutes(20)); // 10:40: the window opens at 10:45
        assertEquals(RejectReason.CHECK_IN_TOO_EARLY, h.rejected(checkIn("OPEN", 1, false)).reason());
        HallEvent.TicketIssued early = EngineHarness.only(h.ok(checkIn("OPEN", 1, true)), HallEvent.TicketIssued.class);
        assertNull(early.origin(), "too early with a walk-in fallback: a walk-in ticket");
        h.now = ELEVEN.minus(Duration.ofMinutes(5));
        HallEvent.TicketIssued t = EngineHarness.only(h.ok(checkIn("PAY", 1, true)), HallEvent.TicketIssued.class);
        assertEquals(TicketOrigin.APPOINTMENT, t.origin());
        assertEquals("OPEN", t.service(), "the phone's one booking, whatever button was pressed");
        assertEquals("B000001", t.booking());
        assertEquals(ELEVEN.minus(Duration.ofMinutes(10)), t.rank());
        assertTrue(t.paper());
        Booking b = h.engine.state().appointments().booking("B000001").orElseThrow();
        assertEquals(Booking.Status.CHECKED_IN, b.status());
        assertEquals(t.ticket(), b.ticket());
        assertEquals(RejectReason.NOTHING_TO_CHECK_IN, h.rejected(checkIn("OPEN", 1, false)).reason());
    }

    @Test
    void aBookingNotCheckedIn_lapsesWhenItsWindowCloses_andIsCounted() {
        EngineHarness h = new EngineHarness(hall());
        h.ok(book("OPEN", ELEVEN, 1));
        h.now = ELEVEN.plus(Duration.ofMinutes(10));
        HallEvent.BookingLapsed l = EngineHarness.only(h.ok(new Command.Tick()), HallEvent.BookingLapsed.class);
        assertEquals("B000001", l.booking());
        Command.CheckIn late = checkIn("OPEN", 1, false);
        Result.Rejected r = h.rejected(late);
        assertEquals(RejectReason.NOTHING_TO_CHECK_IN, r.reason());
        assertTrue(r.message().contains("lapsed"), r.message());
        DayBookings day = h.engine.state().appointments().day(LocalDate.of(2026, 11, 23));
        assertEquals(1, day.lapsed());
        assertEquals(0, day.booked());
    }

    @Test
    void remoteTicket_isPassedOverUntilItChecksIn_oneAPhone_andDroppedAfterTheHoldLimit() {
        EngineHarness h = new EngineHarness(hall());
        HallEvent.TicketIssued remote = EngineHarness.only(h.ok(new Command.JoinRemote("OPEN", null, "138****0001",
                hash(1), null)), HallEvent.TicketIssued.class);
        assertEquals(TicketOrigin.REMOTE, remote.origin());
        assertEquals(RejectReason.REMOTE_TICKET_HELD, h.rejected(new Command.JoinRemote("PAY", null, "138****0001",
                hash(1), null)).reason());
        assertEquals(RejectReason.NOT_CHECKED_IN, h.rejected(new Command.CallTicket(3, remote.ticket())).reason());
        h.minutes(1);
        String walkIn = h.issue("OPEN").ticket();
        List<HallEvent> call = h.ok(new Command.CallNext(3));
        assertEquals(remote.ticket(), EngineHarness.only(call, HallEvent.TicketPassedOver.class).ticket());
        assertEquals(walkIn, EngineHarness.only(call, HallEvent.TicketCalled.class).ticket());
        h.minutes(29);
        assertTrue(h.ok(new Command.Tick()).isEmpty());
        h.minutes(1);
        HallEvent.TicketVoided v = EngineHarness.only(h.ok(new Command.Tick()), HallEvent.TicketVoided.class);
        assertEquals(remote.ticket(), v.ticket());
        assertEquals(Appointments.REMOTE_NOT_CHECKED_IN, v.reason());
        assertEquals(1, h.engine.state().appointments().day(LocalDate.of(2026, 11, 23)).remoteDropped());
        // the phone may join again now
        h.ok(new Command.JoinRemote("OPEN", null, "138****0001", hash(1), null));
    }

    @Test
    void remoteCustomersOnTheirWay_areNotCountedAsWaitingInTheHall_norRaiseTheEarlyWarning_untilTheyCheckIn() {
        EngineHarness h = new EngineHarness(hall());
        h.ok(new Command.CloseCounter(1));
        h.ok(new Command.CloseCounter(4)); // 2 open: more than 4 waiting in the hall raises the early warning
        for (int phone = 1; phone <= 5; phone++) {
            List<HallEvent> joined = h.ok(new Command.JoinRemote("OPEN", null, "138****000" + phone, hash(phone), null));
            assertTrue(joined.stream().noneMatch(HallEvent.AlarmRaised.class::isInstance), joined.toString());
        }
        assertEquals(0, h.engine.state().waitingCount(), "five remote tickets, nobody in the hall yet");
        assertEquals(0, h.engine.state().countersToOpen());
        for (int i = 0; i < 4; i++) {
            h.issue("PAY");
        }
        assertEquals(4, h.engine.state().waitingCount());
        assertFalse(h.engine.state().alarms().containsKey(Alarms.EARLY_WARNING), "4 in the hall at 2 counters");
        HallEvent.TicketCheckedIn in = EngineHarness.only(h.ok(checkIn("BILL", 1, true)),
                HallEvent.TicketCheckedIn.class);
        assertEquals(5, h.engine.state().waitingCount(), "the customer of " + in.ticket() + " has come");
        assertTrue(h.engine.state().alarms().containsKey(Alarms.EARLY_WARNING), "5 in the hall at 2 counters");
    }

    @Test
    void remoteTicket_checkedIn_isCalledInItsPlace() {
        EngineHarness h = new EngineHarness(hall());
        HallEvent.TicketIssued remote = EngineHarness.only(h.ok(new Command.JoinRemote("OPEN", null, "138****0001",
                hash(1), null)), HallEvent.TicketIssued.class);
        h.minutes(5);
        h.issue("OPEN");
        h.minutes(5);
        HallEvent.TicketCheckedIn in = EngineHarness.only(h.ok(checkIn("BILL", 1, true)), HallEvent.TicketCheckedIn.class);
        assertEquals(remote.ticket(), in.ticket());
        assertEquals(0, in.peopleAhead(), "it kept its place before the walk-in who came after it joined");
        assertEquals(remote.ticket(), h.callNext(3));
        assertFalse(h.engine.state().ticket(remote.ticket()) != null
                && !h.engine.state().ticket(remote.ticket()).checkedIn());
    }

    @Test
    void walkInEstimate_countsTheAppointmentsDueInTheComingHour_thatGoFirst() {
        EngineHarness with = new EngineHarness(hall());
        EngineHarness without = new EngineHarness(hall());
        for (EngineHarness h : List.of(with, without)) {
            h.ok(new Command.CloseCounter(3)); // counter 2 and the idle VIP room (overflow) take OPEN walk-ins
            for (int i = 0; i < 2; i++) {
                h.issue("OPEN");
            }
        }
        // three OPEN bookings at 10:30 (ranked 10:20, ahead of a walk-in from 10:20 on); one at 12:00 (not due)
        Instant half = TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30));
        for (int i = 1; i <= 3; i++) {
            with.ok(book("OPEN", half, i));
        }
        with.ok(book("OPEN", ELEVEN.plus(Duration.ofHours(1)), 9));
        for (EngineHarness h : List.of(with, without)) {
            h.now = TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(21));
        }
        HallEvent.TicketIssued a = with.issue("OPEN");
        HallEvent.TicketIssued b = without.issue("OPEN");
        assertEquals(b.peopleAhead() + 3, a.peopleAhead(), "the three due bookings go first");
        // two counters, 10 minutes each: two walk-ins ahead put the new one in the second round (600 s); with the
        // three booked customers (arriving 10:21, ranked 10:20) five are ahead, so it is the third round (1200 s)
        assertEquals(600, b.estimatedWaitSeconds());
        assertEquals(1200, a.estimatedWaitSeconds());
        // bookings due after the walk-in's rank do not delay it: at 10:00 the 10:30 slot ranks behind a walk-in
        EngineHarness early = new EngineHarness(hall());
        EngineHarness none = new EngineHarness(hall());
        early.ok(book("OPEN", half, 1));
        assertEquals(none.issue("OPEN").estimatedWaitSeconds(), early.issue("OPEN").estimatedWaitSeconds());
    }
    /** Two harnesses with counter 3 closed (counter 2 and the VIP room's overflow take OPEN walk-ins). */
    private static List<EngineHarness> twoHalls() {
        List<EngineHarness> hs = List.of(new EngineHarness(hall()), new EngineHarness(hall()));
        hs.forEach(h -> h.ok(new Command.CloseCounter(3)));
        return hs;
    }

    @Test
    void aRemoteTicketNotCheckedIn_delaysNobody_butIsToldWhenItWouldBeCalled() {
        List<EngineHarness> hs = twoHalls();
        EngineHarness with = hs.get(0);
        EngineHarness without = hs.get(1);
        HallEvent.TicketIssued remote = EngineHarness.only(with.ok(new Command.JoinRemote("OPEN", null, "138****0001",
                hash(1), null)), HallEvent.TicketIssued.class);
        assertTrue(remote.estimatedWaitSeconds() >= 0, "the remote ticket is told when its turn would come");
        for (EngineHarness h : hs) {
            h.minutes(1);
            for (int i = 0; i < 2; i++) {
                h.issue("OPEN");
            }
        }
        // it is passed over until it checks in (and 15 to 30 minutes later, if ever): a walk-in's wait without it
        assertEquals(without.issue("OPEN").estimatedWaitSeconds(), with.issue("OPEN").estimatedWaitSeconds());
        // once checked in it goes first, and the walk-ins' estimates count it
        with.ok(checkIn("OPEN", 1, true));
        assertTrue(with.issue("OPEN").estimatedWaitSeconds() > without.issue("OPEN").estimatedWaitSeconds());
    }

    @Test
    void anAppointmentTicket_goesBeforeTheBookingsOfItsSlotThatHaveNotCheckedIn() {
        List<EngineHarness> hs = twoHalls();
        for (EngineHarness h : hs) {
            for (int i = 0; i < 2; i++) {
                h.issue("OPEN");
            }
            h.ok(book("OPEN", ELEVEN, 1));
        }
        hs.get(0).ok(book("OPEN", ELEVEN, 2));
        hs.get(0).ok(book("OPEN", ELEVEN, 3));
        hs.forEach(h -> h.now = ELEVEN.minus(Duration.ofMinutes(5)));
        HallEvent.TicketIssued crowded = EngineHarness.only(hs.get(0).ok(checkIn("OPEN", 1, true)),
                HallEvent.TicketIssued.class);
        HallEvent.TicketIssued alone = EngineHarness.only(hs.get(1).ok(checkIn("OPEN", 1, true)),
                HallEvent.TicketIssued.class);
        // the two others of the 11:00 slot check in after it, so the engine calls it before them
        assertEquals(alone.estimatedWaitSeconds(), crowded.estimatedWaitSeconds());
        assertEquals(alone.peopleAhead(), crowded.peopleAhead());
    }

    @Test
    void appointmentAndRemoteTickets_areNotLearnedAsArrivals_theirBookingsAndQueuePlaceAre() {
        EngineHarness h = new EngineHarness(hall());
        h.ok(book("OPEN", ELEVEN, 1));
        h.ok(new Command.JoinRemote("OPEN", null, "138****0002", hash(2), null));
        h.now = ELEVEN.minus(Duration.ofMinutes(5));
        h.ok(checkIn("OPEN", 1, true));
        String walkIn = h.engine.state().config().defaultClass().code();
        assertEquals(0, h.engine.state().arrivals().perSecond("OPEN", walkIn, h.now), 0.0);
        h.issue("OPEN");
        assertTrue(h.engine.state().arrivals().perSecond("OPEN", walkIn, h.now) > 0);
    }

    @Test
    void aBookingPastItsSlot_isPlayedAsTheShareOfLateBookingsThatCame() {
        // two desks take OPEN walk-ins, 10 minutes each, three walk-ins wait; a new walk-in at 11:05 with a booking
        // of 11:00 not checked in (late: half a customer before any late booking came today), or at 11:25 with one
        // of 11:30 (on time, ranked 11:20, ahead of it): 600, 900 and 1200 s
        List<EngineHarness> hs = twoHalls();
        EngineHarness late = hs.get(0);
        EngineHarness onTime = hs.get(1);
        EngineHarness none = new EngineHarness(hall());
        none.ok(new Command.CloseCounter(3));
        late.ok(book("OPEN", ELEVEN, 1));
        onTime.ok(book("OPEN", ELEVEN.plus(Duration.ofMinutes(30)), 1));
        for (EngineHarness h : List.of(late, onTime, none)) {
            for (int i = 0; i < 3; i++) {
                h.issue("OPEN");
            }
        }
        late.now = ELEVEN.plus(Duration.ofMinutes(5));
        onTime.now = ELEVEN.plus(Duration.ofMinutes(25));
        none.now = late.now;
        long lateWait = late.issue("OPEN").estimatedWaitSeconds();
        long onTimeWait = onTime.issue("OPEN").estimatedWaitSeconds();
        long noneWait = none.issue("OPEN").estimatedWaitSeconds();
        assertTrue(noneWait < lateWait && lateWait < onTimeWait,
                "none " + noneWait + " < late (half a customer) " + lateWait + " < on time " + onTimeWait);
    }
}
