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
    void theSameCustomers_meetEveryRosterTried() {
        StaffToTarget a = new StaffToTarget(WEEKDAY.scenario(), WEEKDAY.hall(), 3, 1, false, true);
        StaffToTarget b = new StaffToTarget(WEEKDAY.scenario(), WEEKDAY.hall(), 3, 1, false, true);
        assertEquals(StaffToTarget.csv(a.run(List.of(SelectionPolicy.FCFS), 0.9)),
                StaffToTarget.csv(b.run(List.of(SelectionPolicy.FCFS), 0.9)), "deterministic");
    }
}
