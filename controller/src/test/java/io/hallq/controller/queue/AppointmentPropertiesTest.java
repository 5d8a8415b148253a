package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketCalled;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.event.HallEvent.TicketOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the queue with bookings, check-ins and remote tickets mixed into random walk-in traffic: the
 * ageing rule's bounded overtaking still holds for walk-ins, bookings never take more than their share, remote
 * tickets are never called before they check in, and the journal (and a snapshot) rebuild everything.
 */
class AppointmentPropertiesTest {

    record Step(int seconds, Command command) {}

    /**
     * The small hall with bookings whose head start (30 min) plus check-in lateness (10 min) is more than the
     * largest class head start (VIP, 20 min), so that appointments set the bound.
     */
    static final HallConfig HALL = TestHalls.small(c -> c.withAppointments(new io.hallq.controller.config
            .AppointmentsConfig(true, true, List.of("OPEN", "PAY", "BILL"), 0.5, Duration.ofMinutes(30),
            Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(30), 7, 1)));

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> counter = Arbitraries.integers().between(1, 4);
        Arbitrary<String> service = Arbitraries.of("OPEN", "PAY", "BILL", "DIRECT");
        Arbitrary<String> cls = Arbitraries.of("VIP", "GOTONE", "WALKIN").injectNull(0.3);
        Arbitrary<Integer> phone = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> slot = Arbitraries.integers().between(-2, 24);
        Arbitrary<Command> command = Arbitraries.frequencyOf(
                Tuple.of(12, Combinators.combine(service, cls).as((s, c) -> new IssueTicket(s, c, null, null))),
                Tuple.of(12, counter.map(CallNext::new)),
                Tuple.of(6, counter.map(Finish::new)),
                Tuple.of(2, counter.map(NoShow::new)),
                Tuple.of(1, Combinators.combine(counter, service).as(Transfer::new)),
                Tuple.of(1, Combinators.combine(counter, Arbitraries.of("A001", "E002", "G001", "E001"))
                        .as(CallTicket::new)),
                Tuple.of(1, counter.map(Pause::new)),
                Tuple.of(1, counter.map(Resume::new)),
                Tuple.of(3, Arbitraries.just(new Tick())),
                Tuple.of(5, Combinators.combine(service, slot, phone).as((s, k, p) -> AppointmentEngineTest.book(s,
                        TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30L * k)), p))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 12), phone.injectNull(0.5))
                        .as((n, p) -> new CancelBooking(String.format("B%06d", n),
                                p == null ? null : AppointmentEngineTest.hash(p), null))),
                Tuple.of(5, Combinators.combine(service, phone, Arbitraries.of(true, false))
                        .as((s, p, w) -> AppointmentEngineTest.checkIn(s, p, w))),
                Tuple.of(3, Combinators.combine(service, phone).as((s, p) -> new JoinRemote(s, null,
                        "139****" + String.format("%04d", p), AppointmentEngineTest.hash(p), null))));
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(0, 240)),
                Tuple.of(2, Arbitraries.integers().between(600, 2400)),
                Tuple.of(1, Arbitraries.integers().between(-600, 0)));
        return Combinators.combine(seconds, command).as(Step::new).list().ofMinSize(1).ofMaxSize(250);
    }

    /**
     * The most a ticket issued later than a walk-in may have joined the queue after it and still be called before
     * it at the same counter: a class's head start, or an appointment's (its head start plus the lateness its
     * check-in window allows), plus the largest counter weight.
     */
    static Duration overtakingBound(HallConfig c) {
        Duration cls = c.classes().stream().map(CustomerClassConfig::priority).max(Duration::compareTo).orElseThrow();
        Duration appt = c.appointments().headStart().plus(c.appointments().checkInAfter());
        Duration weight = c.counters().stream().flatMap(x -> x.profile().stream())
                .map(CounterConfig.ProfileEntry::weight).max(Duration::compareTo).orElseThrow();
        return (cls.compareTo(appt) > 0 ? cls : appt).plus(weight);
    }

    @Property(tries = 300)
    void walkIns_areOvertakenOnlyByTicketsThatJoinedWithinTheBound(@ForAll("steps") List<Step> steps) {
        EngineHarness h = new EngineHarness(HALL);
        Duration bound = overtakingBound(HALL);
        for (Step s : steps) {
            h.advance(Duration.ofSeconds(s.seconds()));
            h.run(new Tick());
            QueueState st = h.engine.state();
            Map<Integer, List<Ticket>> waitingWalkIns = new HashMap<>();
            if (s.command() instanceof CallNext c && st.counter(c.counter()) != null) {
                CounterState counter = st.counter(c.counter());
                waitingWalkIns.put(c.counter(), st.liveTickets().stream()
                        .filter(t -> t.status() == Ticket.Status.WAITING && t.origin() == TicketOrigin.WALK_IN
                                && Selection.mayTakeDirectly(st, counter, t.service(), t.customerClass(), t.vipRoom()))
                        .toList());
            }
            for (HallEvent e : h.run(s.command()).events()) {
                if (e instanceof TicketCalled called && waitingWalkIns.containsKey(called.counter())) {
                    Ticket t = st.ticket(called.ticket());
                    for (Ticket w : waitingWalkIns.get(called.counter())) {
                        Duration later = Duration.between(w.issuedAt(), t.issuedAt());
                        assertTrue(later.compareTo(bound) <= 0, t + " (" + t.origin() + ", joined " + t.issuedAt()
                                + ") overtook walk-in " + w + " (joined " + w.issuedAt() + ") by " + later);
                    }
                }
            }
        }
    }

    /**
     * An overloaded afternoon, where overtaking happens all the time: walk-ins (some GOTONE, some VIP) arrive
     * faster than the counters serve them, and booked customers check in anywhere in their window, late ones
     * included. Every call is checked against every walk-in the counter could have taken instead.
     */
    @Property(tries = 60)
    void overloadWithLateCheckIns_walkInsAreOvertakenOnlyWithinTheBound(@ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        EngineHarness h = new EngineHarness(HALL);
        Duration bound = overtakingBound(HALL);
        h.ok(new CloseCounter(1));
        Instant start = h.now;
        Map<Integer, Integer> checkInAt = new HashMap<>(); // minute -> booking phone
        int phone = 0;
        for (int slot = 1; slot <= 10; slot++) {
            for (int i = 0; i < 3; i++) {
                phone++;
                Instant at = start.plus(Duration.ofMinutes(30L * slot));
                if (h.run(AppointmentEngineTest.book("OPEN", at, phone)).accepted()) {
                    int minute = 30 * slot - 15 + random.nextInt(25); // anywhere in the window, 10 late at most
                    checkInAt.put(minute, phone);
                }
            }
        }
        int overtakes = 0;
        for (int minute = 0; minute < 6 * 60; minute++) {
            h.now = start.plus(Duration.ofMinutes(minute));
            if (random.nextDouble() < 0.25) {
                h.issue("OPEN", random.nextDouble() < 0.2 ? "GOTONE" : null);
            }
            Integer p = checkInAt.get(minute);
            if (p != null) {
                h.ok(AppointmentEngineTest.checkIn("OPEN", p, false));
            }
            if (minute % 5 == 0) {
                int number = minute % 10 == 0 ? 2 : 3;
                QueueState st = h.engine.state();
                CounterState counter = st.counter(number);
                List<Ticket> walkIns = st.liveTickets().stream()
                        .filter(t -> t.status() == Ticket.Status.WAITING && t.origin() == TicketOrigin.WALK_IN
                                && Selection.mayTakeDirectly(st, counter, t.service(), t.customerClass(), t.vipRoom()))
                        .toList();
                for (HallEvent e : h.run(new CallNext(number)).events()) {
                    if (e instanceof TicketCalled called) {
                        Ticket t = st.ticket(called.ticket());
                        for (Ticket w : walkIns) {
                            Duration later = Duration.between(w.issuedAt(), t.issuedAt());
                            if (later.isPositive()) {
                                overtakes++;
                            }
                            assertTrue(later.compareTo(bound) <= 0, t + " (" + t.origin() + ", joined "
                                    + t.issuedAt() + ") overtook walk-in " + w + " (joined " + w.issuedAt() + ") by "
                                    + later);
                        }
                    }
                }
            }
        }
        assertTrue(overtakes > 0, "the run must overtake someone to test anything");
    }

    /** The rule itself: a call takes the best-scored ticket that has checked in; a remote one never before. */
    @Property(tries = 300)
    void callNext_takesTheBestScoredCheckedInTicket(@ForAll("steps") List<Step> steps) {
        EngineHarness h = new EngineHarness(HALL);
        for (Step s : steps) {
            h.advance(Duration.ofSeconds(s.seconds()));
            h.run(new Tick());
            QueueState st = h.engine.state();
            Instant best = null;
            CounterState counter = s.command() instanceof CallNext c && c.counter() >= 2 && c.counter() <= 3
                    ? st.counter(c.counter()) : null;
            if (counter != null) {
                for (Ticket t : st.liveTickets()) {
                    if (t.status() == Ticket.Status.WAITING && t.checkedIn()
                            && Selection.mayTake(st, counter, t.service(), t.customerClass(), t.vipRoom())) {
                        Instant score = Selection.score(st, counter, t);
                        best = best == null || score.isBefore(best) ? score : best;
                    }
                }
            }
            for (HallEvent e : h.run(s.command()).events()) {
                if (e instanceof TicketCalled called) {
                    assertTrue(st.ticket(called.ticket()).checkedIn(), called + " had not checked in");
                    if (counter != null) {
                        assertNotNull(best);
                        assertEquals(best, Selection.score(st, counter, st.ticket(called.ticket())));
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void bookings_neverTakeMoreThanTheirShareOfASlot_andAPhoneHoldsOneRemoteTicket(@ForAll("steps") List<Step> steps) {
        EngineHarness h = new EngineHarness(HALL);
        for (Step s : steps) {
            h.advance(Duration.ofSeconds(s.seconds()));
            for (HallEvent e : h.run(s.command()).events()) {
                if (e instanceof HallEvent.BookingMade b) {
                    Appointments a = h.engine.state().appointments();
                    double used = 0;
                    for (Booking x : a.bookings(a.localDay(b.slot()).toString())) {
                        if (x.holdsRoom() && x.slot().equals(b.slot())) {
                            used += a.handlingSeconds(x.service());
                        }
                    }
                    double budget = a.budgetSeconds(a.countersAt(b.slot()));
                    assertTrue(used <= budget + 1e-6, "slot " + b.slot() + ": " + used + " s booked of " + budget);
                }
            }
            Map<String, Integer> remote = new HashMap<>();
            for (Ticket t : h.engine.state().liveTickets()) {
                if (t.origin() == TicketOrigin.REMOTE) {
                    assertEquals(1, remote.merge(t.phoneHash(), 1, Integer::sum), "two remote tickets of a phone");
                }
            }
        }
    }

    @Property(tries = 200)
    void replayAndSnapshot_rebuildTheSameState(@ForAll("steps") List<Step> steps) throws Exception {
        EngineHarness h = new EngineHarness(HALL);
        ObjectMapper mapper = EventCodec.newMapper();
        int half = steps.size() / 2;
        byte[] snap = null;
        int eventsAtSnap = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (i == half) {
                snap = mapper.writeValueAsBytes(QueueSnapshot.of(h.engine.state()));
                eventsAtSnap = h.journal.size();
            }
            h.advance(Duration.ofSeconds(steps.get(i).seconds()));
            h.run(steps.get(i).command());
        }
        String expected = StateFingerprint.of(h.engine.state());
        QueueState replayed = new QueueState(HALL);
        h.journal.forEach(e -> replayed.apply(EventCodec.decode(EventCodec.encode(e))));
        assertEquals(expected, StateFingerprint.of(replayed));
        QueueState restored = QueueState.restore(HALL, mapper.readValue(snap, QueueSnapshot.class));
        h.journal.subList(eventsAtSnap, h.journal.size()).forEach(restored::apply);
        assertEquals(expected, StateFingerprint.of(restored));
    }

    @Property(tries = 200)
    void rejectedCommands_changeNothing(@ForAll("steps") List<Step> steps) {
        EngineHarness h = new EngineHarness(HALL);
        for (Step s : steps) {
            h.advance(Duration.ofSeconds(s.seconds()));
            h.run(new Tick());
            String before = StateFingerprint.of(h.engine.state());
            Result r = h.run(s.command());
            if (r instanceof Result.Rejected rej) {
                assertTrue(rej.events().isEmpty(), rej.events().toString());
                assertEquals(before, StateFingerprint.of(h.engine.state()));
            }
            for (HallEvent e : r.events()) {
                if (e instanceof TicketIssued t && t.origin() == TicketOrigin.APPOINTMENT) {
                    assertNotNull(t.booking());
                }
            }
        }
    }
}
