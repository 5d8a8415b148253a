package io.hallq.controller.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaffingSearchTest {

    /** An hour meets its target with at least need[i] counters in it, and one more when the next hour is short. */
    private static StaffingSearch.Judge needs(int... need) {
        return (n, i) -> n[i] >= need[i];
    }

    @Test
    void search_findsTheFewestCounters_goingDownFromAnErlangStartThatIsTooHigh_andUpFromOneTooLow() {
        List<StaffingSearch.Hour> hours = StaffingSearch.search(new int[] {5, 1, 3}, new int[] {1, 1, 0}, 6,
                needs(2, 4, 0));
        assertEquals(List.of(2, 4, 0), hours.stream().map(StaffingSearch.Hour::counters).toList());
        assertEquals(List.of(5, 1, 3), hours.stream().map(StaffingSearch.Hour::erlangStart).toList());
        assertTrue(hours.stream().allMatch(h -> h.enough() && h.judged()));
    }

    @Test
    void search_neverGoesBelowTheHoursMinimum_andClampsTheStartToTheHallsCounters() {
        List<StaffingSearch.Hour> hours = StaffingSearch.search(new int[] {0, 9}, new int[] {2, 0}, 4, needs(0, 1));
        assertEquals(2, hours.get(0).erlangStart());
        assertEquals(2, hours.get(0).counters());
        assertEquals(4, hours.get(1).erlangStart());
        assertEquals(1, hours.get(1).counters());
    }

    @Test
    void search_marksAnHourNotEnough_whenEvenEveryCounterMissesItsTarget() {
        List<StaffingSearch.Hour> hours = StaffingSearch.search(new int[] {2, 2}, new int[] {1, 1}, 4, needs(7, 2));
        assertEquals(4, hours.get(0).counters());
        assertFalse(hours.get(0).enough());
        assertTrue(hours.get(0).judged());
        assertTrue(hours.get(1).enough());
    }

    @Test
    void search_judgesAnHourWithTheEarlierHoursSettled_andTheLaterHoursFullyStaffed() {
        List<int[]> seen = new ArrayList<>();
        StaffingSearch.search(new int[] {3, 3}, new int[] {1, 1}, 5, (n, i) -> {
            seen.add(n.clone());
            return n[i] >= 2;
        });
        assertEquals(5, seen.getFirst()[1], "hour 1 fully staffed while hour 0 is judged");
        assertEquals(2, seen.getLast()[0], "hour 0 settled at 2 while hour 1 is judged");
    }

    @Test
    void search_stopsWhenTimeRunsOut_andLeavesTheHoursLeftAtErlangCNotJudged() {
        AtomicInteger budget = new AtomicInteger(3);
        List<StaffingSearch.Hour> hours = StaffingSearch.search(new int[] {3, 3, 3}, new int[] {1, 1, 1}, 5,
                needs(1, 1, 1), () -> budget.getAndDecrement() > 0);
        assertTrue(hours.get(0).judged());
        assertEquals(List.of(false, false), hours.subList(1, 3).stream().map(StaffingSearch.Hour::judged).toList());
        assertEquals(List.of(3, 3), hours.subList(1, 3).stream().map(StaffingSearch.Hour::counters).toList());
        assertTrue(hours.stream().allMatch(StaffingSearch.Hour::enough), "not judged is not called short");
    }
}
