package io.hallq.controller.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.TestHalls;
import io.hallq.protocol.stats.BusyIdleProfile;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffingAdviceTest {

    /** Mondays at 10:00: 12 customers of 10 minutes each (2 Erlangs); nobody at other hours. */
    private static final BusyIdleProfile MONDAY_PEAK = new BusyIdleProfile("test-hall", "2026-11-16", "2026-11-16",
            List.of(new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 10, 1, 12, 600, 300)));

    @Test
    void everyOpeningHourIsAdvised_withErlangCWhereTheProfileSawCustomers_andZeroElsewhere() {
        List<StaffingAdvice.Hour> hours = StaffingAdvice.forOpeningHours(TestHalls.small(), MONDAY_PEAK,
                DayOfWeek.MONDAY, 0.8);
        assertEquals(List.of(9, 10, 11, 12, 13, 14, 15, 16, 17), hours.stream().map(StaffingAdvice.Hour::hour).toList());
        // 2 Erlangs, busy target 15 min: 3 counters keep 1 - 4/9 e^-1.5 = 90% within it; 2 cannot keep up at all
        assertEquals(new StaffingAdvice.Hour(10, 12, 600, 900, 3), hours.get(1));
        assertEquals(new StaffingAdvice.Hour(14, 0, 0, 300, 0), hours.get(5));
    }

    @Test
    void roster_joinsConsecutiveHoursNeedingTheSameCounters() {
        List<StaffingAdvice.Hour> hours = StaffingAdvice.forOpeningHours(TestHalls.small(), MONDAY_PEAK,
                DayOfWeek.MONDAY, 0.8);
        assertEquals(List.of(new StaffingAdvice.Shift(9, 10, 0), new StaffingAdvice.Shift(10, 11, 3),
                new StaffingAdvice.Shift(11, 18, 0)), StaffingAdvice.roster(hours));
        assertEquals(List.of(), StaffingAdvice.roster(List.of()));
    }
}
