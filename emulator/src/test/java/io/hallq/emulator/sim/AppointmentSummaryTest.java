package io.hallq.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.emulator.sim.Visit.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The appointment figures from visits written by hand. */
class AppointmentSummaryTest {

    static final Instant T = Instant.parse("2026-03-10T01:00:00Z");

    static Visit visit(int id, Kind kind, String cls, long arrived, Long slot, Long joined, long target, Long called) {
        return new Visit("2026-03-10", id, kind, "PLAN", cls, T.plusSeconds(arrived), slot == null ? null : T.plusSeconds(slot),
                joined == null ? null : T.plusSeconds(joined), target, called == null ? null : T.plusSeconds(called));
    }

    @Test
    void waitAfterTheSlot_countsFromTheLaterOfSlotAndCheckIn_andIsZeroWhenCalledBeforeTheSlot() {
        List<Visit> v = List.of(
                visit(1, Kind.BOOKED, "WALKIN", -300, 0L, null, 900, 120L),   // early, called 2 min after the slot
                visit(2, Kind.BOOKED, "WALKIN", -600, 0L, null, 900, -60L),   // called a minute before the slot: 0
                visit(3, Kind.BOOKED, "WALKIN", 300, 0L, null, 900, 900L),    // 5 min late: waits from check-in, 10 min
                visit(4, Kind.BOOKED, "WALKIN", 0, 0L, null, 900, null),      // never called: not counted
                visit(5, Kind.LAPSED, "WALKIN", 1200, 0L, null, 900, 1300L),  // lapsed: a walk-in, not an appointment
                visit(6, Kind.WALK_IN, "WALKIN", 0, null, null, 900, 60L));
        AppointmentSummary.Punctuality p = AppointmentSummary.punctuality(v);
        assertEquals(4, p.appointments());
        assertEquals(3, p.called());
        assertEquals((120 + 0 + 600) / 3.0, p.mean(), 1e-9);
        assertEquals(600, p.p90());
        assertEquals(120, p.p50());
        assertEquals(1 / 3.0, p.calledBySlot(), 1e-9);
        assertEquals((420 + 540 + 600) / 3.0, p.meanInHall(), 1e-9);
        assertEquals(-1, v.get(4).waitAfterSlotSeconds());
        assertEquals(-1, v.get(3).waitAfterSlotSeconds());
    }

    @Test
    void costToWalkIns_matchesTheSameCustomersInBothRuns() {
        List<Visit> with = List.of(
                visit(1, Kind.WALK_IN, "WALKIN", 0, null, null, 900, 1200L),   // 20 min: over its 15 min target
                visit(2, Kind.WALK_IN, "GOTONE", 0, null, null, 600, 300L),
                visit(3, Kind.BOOKED, "WALKIN", -60, 0L, null, 900, 60L),
                visit(4, Kind.REMOTE, "WALKIN", 0, null, -1800L, 900, 120L));
        List<Visit> without = List.of(
                visit(4, Kind.WALK_IN, "WALKIN", 0, null, null, 900, 600L),
                visit(3, Kind.WALK_IN, "WALKIN", 0, null, null, 900, 900L),
                visit(2, Kind.WALK_IN, "GOTONE", 0, null, null, 600, 240L),
                visit(1, Kind.WALK_IN, "WALKIN", 0, null, null, 900, 600L));
        List<AppointmentSummary.Cost> cost = AppointmentSummary.cost(with, without, List.of("VIP", "GOTONE", "WALKIN"));
        assertEquals(List.of("walk-ins", "walk-ins GOTONE", "walk-ins WALKIN", "everyone"),
                cost.stream().map(AppointmentSummary.Cost::group).toList());
        AppointmentSummary.Cost walkIns = cost.getFirst();
        assertEquals(2, walkIns.customers());
        assertEquals((600 + 240) / 2.0, walkIns.meanWithout(), 1e-9);
        assertEquals((1200 + 300) / 2.0, walkIns.meanWith(), 1e-9);
        assertEquals(0, walkIns.overWithout(), 1e-9);
        assertEquals(0.5, walkIns.overWith(), 1e-9);
        AppointmentSummary.Cost everyone = cost.getLast();
        assertEquals(4, everyone.customers());
        assertEquals((1200 + 300 + 120 + 120) / 4.0, everyone.meanWith(), 1e-9);
        assertEquals((600 + 240 + 900 + 600) / 4.0, everyone.meanWithout(), 1e-9);
        AppointmentSummary.Remote r = AppointmentSummary.remote(with);
        assertEquals(1, r.called());
        assertEquals(1920, r.meanFromJoin(), 1e-9);
        assertEquals(120, r.meanInHall(), 1e-9);
    }
}
