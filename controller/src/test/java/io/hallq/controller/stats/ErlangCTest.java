package io.hallq.controller.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void probabilityOfWaiting_matchesTheTextbookValue() {
        // 2 Erlangs on 3 servers: B = (8/6) / (1 + 2 + 2 + 8/6) = 4/19, C = B / (1 - 2/3 + 2/3 B) = 4/9
        assertEquals(4.0 / 9, ErlangC.probabilityOfWaiting(3, 2.0), 1e-12);
        assertEquals(1.0, ErlangC.probabilityOfWaiting(2, 2.0));
    }

    @Test
    void meanWait_isTheErlangCFormula() {
        // 2 Erlangs = 24/h x 300 s; 3 counters: Wq = C x h / (c - a) = 4/9 x 300 / 1
        assertEquals(4.0 / 9 * 300, ErlangC.meanWaitSeconds(3, 24, 300), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, ErlangC.meanWaitSeconds(2, 24, 300));
    }

    @Test
    void countersNeeded_isTheFewestMeetingTheServiceLevel() {
        for (double perHour : new double[] {5, 24, 60, 137}) {
            int c = ErlangC.countersNeeded(perHour, 300, 600, 0.8);
            assertTrue(1 - ErlangC.probabilityOfWaitingLonger(c, perHour, 300, 600) >= 0.8);
            assertTrue(c == 1 || 1 - ErlangC.probabilityOfWaitingLonger(c - 1, perHour, 300, 600) < 0.8);
        }
        assertEquals(0, ErlangC.countersNeeded(0, 300, 600, 0.8));
    }

    @Test
    void advice_usesBusyTargetsInBusyHours() {
        var hall = io.hallq.controller.TestHalls.small();
        assertEquals(15 * 60, StaffingAdvice.targetSeconds(hall, java.time.DayOfWeek.MONDAY, 10));
        assertEquals(5 * 60, StaffingAdvice.targetSeconds(hall, java.time.DayOfWeek.MONDAY, 14));
    }
}
