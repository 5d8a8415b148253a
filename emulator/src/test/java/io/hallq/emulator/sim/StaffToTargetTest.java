package io.hallq.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.QueueRules.SelectionPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffToTargetTest {

    private static final ScenarioReader.Loaded WEEKDAY = ScenarioReader.load(Path.of("../scenarios/weekday.yaml"));

    @Test
    void advice_staysBetweenTheCountersCoveringEveryService_andAllCounters_andFlagsHoursAllCountersMiss() {
        StaffToTarget search = new StaffToTarget(WEEKDAY.scenario(), WEEKDAY.hall(), 1, 1, true, true);
        assertEquals(6, search.counters(), "the hall's five and the duty manager's desk");
        List<StaffToTarget.Advice> advice = search.run(List.of(SelectionPolicy.AGEING), 0.90, 0.95);
        assertEquals(2, advice.size());
        for (StaffToTarget.Advice a : advice) {
            assertEquals(9, a.hours().size(), "09 to 17");
            for (StaffToTarget.Hour h : a.hours()) {
                assertTrue(h.counters() >= 4 && h.counters() <= 6, h.toString());
                assertTrue(h.enough() || h.counters() == 6, "an hour is short only with every counter open: " + h);
            }
        }
        assertTrue(advice.get(1).counterHours() >= advice.get(0).counterHours(), "p95 never needs fewer than p90");
        String table = StaffToTarget.table(advice, search.counters());
        assertTrue(table.contains("| hall's roster |") && table.contains("| AGEING | p90 |"), table);
    }

    @Test
    void aScenarioWithBookings_isSearchedWithItsCustomersBookingAndJoiningRemotely() {
        ScenarioReader.Loaded appointments = ScenarioReader.load(Path.of("../scenarios/appointments.yaml"));
        StaffToTarget search = new StaffToTarget(appointments.scenario(), appointments.hall(), 1, 1, false, false);
        int[] all = new int[search.hours()];
        java.util.Arrays.fill(all, search.counters());
        AppointmentSummary.Counts c = search.trial(SelectionPolicy.AGEING, all).counts();
        assertTrue(c.bookings() > 0 && c.checkedIn() > 0, "bookings made and checked in: " + c);
        assertTrue(c.remoteJoined() > 0, "remote tickets taken: " + c);
        StaffToTarget walkIns = new StaffToTarget(WEEKDAY.scenario(), WEEKDAY.hall(), 1, 1, false, false);
        assertEquals(AppointmentSummary.Counts.NONE, walkIns.trial(SelectionPolicy.AGEING, all).counts(),
                "a scenario without bookings: everybody walks in");
    }

    @Test
    void withAppointments_theWaitJudgedIsTheTimeInTheHall_notTheWayThere_norTheTimeBeforeTheSlot() {
        java.time.Instant ten = java.time.Instant.parse("2026-11-23T02:00:00Z");
        java.util.function.LongFunction<java.time.Instant> at = m -> ten.plusSeconds(60 * m);
        Visit remote = new Visit("2026-11-23", 1, Visit.Kind.REMOTE, "OPEN", "WALKIN", at.apply(20), null,
                at.apply(0), 900, at.apply(25));
        assertEquals(300, StaffToTarget.waitInHall(remote), "joined at 10:00, came at 10:20, called at 10:25");
        Visit early = new Visit("2026-11-23", 2, Visit.Kind.BOOKED, "OPEN", "WALKIN", at.apply(15), at.apply(30),
                null, 900, at.apply(32));
        assertEquals(120, StaffToTarget.waitInHall(early), "slot 10:30, came 10:15, called 10:32");
        Visit walkIn = new Visit("2026-11-23", 3, Visit.Kind.WALK_IN, "OPEN", "WALKIN", at.apply(5), null, null,
                900, at.apply(17));
        assertEquals(720, StaffToTarget.waitInHall(walkIn));
        Visit never = new Visit("2026-11-23", 4, Visit.Kind.WALK_IN, "OPEN", "WALKIN", at.apply(5), null, null,
                900, null);
        assertEquals(Long.MAX_VALUE, StaffToTarget.waitInHall(never), "never called: waits for ever");
    }

    @Test
    void theSameCustomers_meetEveryRosterTried() {
        StaffToTarget a = new StaffToTarget(WEEKDAY.scenario(), WEEKDAY.hall(), 3, 1, false, true);
        StaffToTarget b = new StaffToTarget(WEEKDAY.scenario(), WEEKDAY.hall(), 3, 1, false, true);
        assertEquals(StaffToTarget.csv(a.run(List.of(SelectionPolicy.FCFS), 0.9)),
                StaffToTarget.csv(b.run(List.of(SelectionPolicy.FCFS), 0.9)), "deterministic");
    }
}
