package io.hallq.controller.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.BusyIdleProfile.Slot;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSimulationTest {

    /** One hour (index 0) of 30 customers of 5 minutes (2.5 Erlangs), target 10 minutes at p90. */
    private static ProfileSimulation busyHour() {
        return new ProfileSimulation(10, new double[] {30, 0}, new double[] {300, 0}, new long[] {600, 600}, 0.9, 40, 7);
    }

    @Test
    void anHourMeetsItsTarget_withEnoughCounters_andNotWithFewerThanItsLoad() {
        ProfileSimulation sim = busyHour();
        assertFalse(sim.meets(new int[] {2, 2}, 0), "2 counters for 2.5 Erlangs: the queue grows");
        assertTrue(sim.meets(new int[] {6, 6}, 0));
    }

    @Test
    void moreCountersNeverMakeAnHourWorse() {
        ProfileSimulation sim = busyHour();
        boolean met = false;
        for (int n = 1; n <= 8; n++) {
            boolean now = sim.meets(new int[] {n, 1}, 0);
            assertTrue(!met || now, "met with fewer counters but not with " + n);
            met = now;
        }
        assertTrue(met);
    }

    @Test
    void customersNobodyServesCountAsWaitingForEver_andAnEmptyHourAlwaysMeets() {
        ProfileSimulation sim = busyHour();
        assertFalse(sim.meets(new int[] {0, 0}, 0));
        assertTrue(sim.meets(new int[] {0, 0}, 1), "nobody arrives in hour 1");
    }

    @Test
    void countersOpenedInTheNextHour_serveThoseStillWaiting() {
        // 60 customers of 5 minutes in hour 0 with 1 counter: most wait into hour 1
        ProfileSimulation sim = new ProfileSimulation(9, new double[] {60, 0, 0}, new double[] {300, 0, 0},
                new long[] {3600, 3600, 3600}, 0.9, 20, 3);
        assertFalse(sim.meets(new int[] {1, 1, 1}, 0));
        assertTrue(sim.meets(new int[] {1, 12, 1}, 0), "twelve counters in the next hour clear the queue at once");
    }

    @Test
    void profileOfTheWeekday_isTheOnlyOneUsed() {
        BusyIdleProfile p = new BusyIdleProfile("test-hall", "2026-11-02", "2026-11-16", List.of(
                new Slot(DayOfWeek.MONDAY, 10, 3, 30, 300, 0), new Slot(DayOfWeek.TUESDAY, 9, 3, 90, 900, 0)));
        ProfileSimulation monday = ProfileSimulation.of(p, DayOfWeek.MONDAY, 9, new long[] {600, 600}, 0.9, 20, 1);
        assertTrue(monday.meets(new int[] {0, 6}, 0), "nobody on Monday at 9");
        assertFalse(monday.meets(new int[] {0, 2}, 1));
    }

    @Test
    void theSameSeedPlaysTheSameCustomers() {
        for (int n = 1; n <= 5; n++) {
            assertEquals(busyHour().meets(new int[] {n, 1}, 0), busyHour().meets(new int[] {n, 1}, 0));
        }
    }

    @Test
    void toTarget_onTheHallsProfile_isJudged_andMarksAnHourTheHallCannotServe() {
        // the small hall: 4 counters (its VIP room takes ordinary customers when idle); 11:00 needs far more than 4
        var hall = TestHalls.small();
        BusyIdleProfile p = new BusyIdleProfile("test-hall", "2026-11-02", "2026-11-16", List.of(
                new Slot(DayOfWeek.MONDAY, 10, 3, 12, 600, 0), new Slot(DayOfWeek.MONDAY, 11, 3, 60, 600, 0)));
        List<StaffingAdvice.Advised> hours = StaffingAdvice.toTarget(hall, p, DayOfWeek.MONDAY, 0.9, () -> true);
        StaffingAdvice.Advised ten = hours.stream().filter(h -> h.hour() == 10).findFirst().orElseThrow();
        StaffingAdvice.Advised eleven = hours.stream().filter(h -> h.hour() == 11).findFirst().orElseThrow();
        assertTrue(ten.judged() && ten.enough());
        assertTrue(ten.counters() >= 3 && ten.counters() <= 4, ten.toString());
        assertTrue(eleven.judged());
        assertFalse(eleven.enough(), eleven.toString());
        assertEquals(StaffingAdvice.hallCounters(hall), eleven.counters());
        assertTrue(hours.stream().filter(h -> h.arrivalsPerHour() == 0).allMatch(h -> h.counters() == 0));
        assertEquals(3, StaffingAdvice.daysOf(p, DayOfWeek.MONDAY));
        assertEquals(0, StaffingAdvice.daysOf(p, DayOfWeek.FRIDAY));
    }
}
