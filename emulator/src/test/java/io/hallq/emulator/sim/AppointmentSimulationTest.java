package io.hallq.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.event.HallEvent.TicketOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs with bookings and remote tickets against the real engine, and the same customers all walking in. */
class AppointmentSimulationTest {

    static final ScenarioReader.Loaded LOADED = ScenarioReader.load(Path.of("../scenarios/appointments.yaml"));
    static final List<String> CLASSES = LOADED.hall().classes().stream().map(c -> c.code()).toList();

    static SimRun run(Scenario sc, SelectionPolicy p, long seed, int days, boolean appointments) {
        return Simulator.run(sc, LOADED.hall(), p, seed, days, appointments);
    }

    /** The scenario with other appointment figures. */
    static Scenario with(Scenario.Appointments a) {
        Scenario s = LOADED.scenario();
        return new Scenario(s.name(), s.description(), s.file(), s.hallFile(), s.startDate(), s.arrivalsPerDay(),
                s.hourlyWeights(), s.weekdayFactors(), s.monthStartDays(), s.monthStartFactor(), s.services(),
                s.classes(), s.noShowRate(), s.noShowReturn(), s.transferRate(), s.transferTo(), s.roster(),
                s.pausesPerShift(), s.pauseLength(), s.campaigns(), a);
    }

    static Map<String, Double> zeros(Map<String, Double> shares) {
        return shares.keySet().stream().collect(Collectors.toMap(k -> k, k -> 0.0));
    }

    @Property(tries = 8)
    void zeroShares_giveTheWalkInsTheSameWaits_asAHallWithoutAppointments(
            @ForAll @IntRange(min = 1, max = 100_000) int seed, @ForAll SelectionPolicy policy,
            @ForAll @DoubleRange(min = 0, max = 0.9) double noShow, @ForAll @IntRange(min = -30, max = 30) int offset,
            @ForAll @IntRange(min = 0, max = 20) int spread, @ForAll @IntRange(min = 1, max = 60) int delay,
            @ForAll @DoubleRange(min = 0, max = 0.9) double noCheckIn) {
        Scenario.Appointments shipped = LOADED.scenario().appointments();
        Scenario sc = with(new Scenario.Appointments(zeros(shipped.bookingShare()), noShow, Duration.ofMinutes(offset),
                Duration.ofMinutes(spread), zeros(shipped.remoteShare()), Duration.ofMinutes(delay), 0.5, noCheckIn));
        assertTrue(Simulator.withAppointments(LOADED.hall(), sc).appointments().takes("OPEN"),
                "the hall takes bookings; nobody makes one");
        SimRun on = run(sc, policy, seed, 1, true);
        var hallWithout = LOADED.hall().withAppointments(io.hallq.controller.config.AppointmentsConfig.OFF);
        assertFalse(hallWithout.appointments().enabled());
        SimRun off = Simulator.run(sc, hallWithout, policy, seed, 1, false);
        assertEquals(off.visits(), on.visits());
        assertEquals(off.samples(), on.samples());
        assertEquals(AppointmentSummary.Counts.NONE, on.counts());
        AppointmentSummary.Cost walkIns = AppointmentSummary.cost(on.visits(), off.visits(), CLASSES).getFirst();
        assertEquals(walkIns.meanWithout(), walkIns.meanWith());
        assertEquals(walkIns.overWithout(), walkIns.overWith());
    }

    @Test
    void withAndWithout_meetTheSameCustomers_andEveryBookingAndRemoteTicketIsAccountedFor() {
        SimRun on = run(LOADED.scenario(), SelectionPolicy.AGEING, 1, 2, true);
        SimRun off = run(LOADED.scenario(), SelectionPolicy.AGEING, 1, 2, false);
        List<DayPlan> plans = Simulator.plans(LOADED.scenario(), LOADED.hall(), 1, 2);
        Set<String> customers = new HashSet<>();
        plans.forEach(p -> p.customers().forEach(c -> customers.add(p.date() + "/" + c.id())));
        assertEquals(customers, keys(off.visits()), "without: every customer once");
        assertEquals(customers, keys(on.visits()), "with: every customer once, however they came");
        assertTrue(off.visits().stream().allMatch(v -> v.kind() == Visit.Kind.WALK_IN));

        Map<String, Visit> base = new HashMap<>();
        off.visits().forEach(v -> base.put(v.day() + "/" + v.customer(), v));
        for (Visit v : on.visits()) {
            Visit b = base.get(v.day() + "/" + v.customer());
            assertEquals(b.service(), v.service());
            assertEquals(b.customerClass(), v.customerClass());
            if (v.kind() == Visit.Kind.WALK_IN) {
                assertEquals(b.arrived(), v.arrived(), "a walk-in comes when it would have without appointments");
            }
            assertTrue(v.called(), "everyone who came is called by the day's end: " + v);
        }

        AppointmentSummary.Counts c = on.counts();
        long planned = plans.stream().mapToLong(p -> p.appointments().bookings().size()).sum();
        long plannedRemote = plans.stream().mapToLong(p -> p.appointments().remotes().size()).sum();
        assertEquals(planned, c.bookings() + c.refused());
        assertTrue(c.moved() <= c.bookings());
        assertEquals(c.bookings(), c.checkedIn() + c.lapsedLate() + c.noShows());
        assertEquals(c.lapsedLate() + c.noShows(), c.lapsedByEngine(), "the engine lapses the bookings nobody redeemed");
        assertEquals(plannedRemote, c.remoteJoined() + c.remoteRefused());
        assertEquals(c.remoteJoined(), c.remoteCheckedIn() + c.remoteNever() + c.remoteVoided());
        assertTrue(c.remoteVoided() <= c.remoteDropped() && c.remoteDropped() <= c.remoteVoided() + c.remoteNever());
        assertTrue(c.checkedIn() > 50 && c.remoteCheckedIn() > 20 && c.noShows() > 0, c.toString());

        assertEquals(c.checkedIn(), count(on, Visit.Kind.BOOKED));
        assertEquals(c.lapsedLate(), count(on, Visit.Kind.LAPSED));
        assertEquals(c.remoteCheckedIn(), count(on, Visit.Kind.REMOTE));
        assertEquals(c.remoteVoided(), count(on, Visit.Kind.REMOTE_VOIDED));
        assertEquals(c.checkedIn(), on.events().stream().filter(e -> e instanceof TicketIssued t
                && t.originOrWalkIn() == TicketOrigin.APPOINTMENT).count());
        assertEquals(c.remoteCheckedIn(), on.events().stream().filter(e -> e instanceof HallEvent.TicketCheckedIn).count());

        List<HallEvent.BookingCapacityPlanned> plans2 = on.events().stream()
                .filter(e -> e instanceof HallEvent.BookingCapacityPlanned).map(e -> (HallEvent.BookingCapacityPlanned) e)
                .toList();
        assertEquals(1, plans2.size(), "day 1 keeps the roster; day 2 plans from day 1's profile");
        assertEquals("erlang-c", plans2.getFirst().source());
        assertTrue(plans2.getFirst().hours().stream().allMatch(h -> h.weekday() == 2 && h.counters() >= 1
                && h.counters() <= 5), "Tuesday's hours only (day 1), at most the hall's counters: " + plans2);
        assertTrue(off.events().stream().noneMatch(e -> e instanceof HallEvent.BookingCapacityPlanned));
    }

    @Test
    void noCounterCallsARemoteTicket_beforeItChecksIn() {
        SimRun on = run(LOADED.scenario(), SelectionPolicy.FCFS, 3, 2, true);
        Set<String> remote = new HashSet<>();
        Set<String> checkedIn = new HashSet<>();
        int calls = 0;
        for (HallEvent e : on.events()) {
            switch (e) {
                case TicketIssued t when t.originOrWalkIn() == TicketOrigin.REMOTE -> remote.add(t.ticket());
                case TicketIssued t -> remote.remove(t.ticket()); // numbers start again the next day
                case HallEvent.TicketCheckedIn t -> checkedIn.add(t.ticket());
                case HallEvent.TicketCalled t when remote.contains(t.ticket()) -> {
                    assertTrue(checkedIn.contains(t.ticket()), "called before checking in: " + t);
                    calls++;
                }
                default -> { }
            }
        }
        assertTrue(calls > 20, calls + " remote tickets called");
    }

    @Test
    void appointments_areCalledWithinMinutesOfTheirSlot_andTheReportSaysWhatTheyCostWalkIns(@TempDir Path dir)
            throws Exception {
        List<SimRun> with = List.of(run(LOADED.scenario(), SelectionPolicy.AGEING, 1, 1, true));
        List<SimRun> without = List.of(run(LOADED.scenario(), SelectionPolicy.AGEING, 1, 1, false));
        AppointmentSummary.Punctuality p = AppointmentSummary.punctuality(with.getFirst().visits());
        assertTrue(p.called() > 20 && p.mean() >= 0 && p.p90() >= p.p50() && p.max() >= p.p90(), p.toString());
        assertTrue(p.mean() < 10 * 60, "appointments ranked by slot with a head start wait little after it: " + p);

        Path index = Report.write(dir, LOADED, with, without, 1, 1);
        String html = Files.readString(index);
        assertTrue(html.contains("Appointments and remote tickets") && html.contains("walk-ins"), "section");
        List<String> csv = Files.readAllLines(dir.resolve("appointments.csv"));
        assertTrue(csv.contains(String.format(java.util.Locale.ROOT, "AGEING,bookings,made,%d",
                with.getFirst().counts().bookings())), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("AGEING,walk-ins,mean_wait_without_s,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("AGEING,appointments,wait_after_slot_p90_s,")));
        List<String> visits = Files.readAllLines(dir.resolve("visits.csv"));
        assertEquals(1 + with.getFirst().visits().size() + without.getFirst().visits().size(), visits.size());

        Path plain = dir.resolve("plain");
        Report.write(plain, SimulatorTest.WEEKDAY, List.of(SimulatorTest.run(SelectionPolicy.AGEING, 1, 1)), 1, 1);
        assertFalse(Files.exists(plain.resolve("appointments.csv")), "a scenario without appointments: no section");
        assertFalse(Files.readString(plain.resolve("index.html")).contains("Appointments and remote tickets"));
    }

    private static Set<String> keys(List<Visit> visits) {
        Set<String> k = new HashSet<>();
        visits.forEach(v -> assertTrue(k.add(v.day() + "/" + v.customer()), "once: " + v));
        return k;
    }

    private static long count(SimRun r, Visit.Kind kind) {
        return r.visits().stream().filter(v -> v.kind() == kind).count();
    }
}
