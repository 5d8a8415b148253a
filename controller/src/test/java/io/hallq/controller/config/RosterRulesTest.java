package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional roster section: planned shifts and breaks, which the wait estimate plays forward. */
class RosterRulesTest {

    @Test
    void noRoster_meansNoShiftsAndNoBreaks() {
        assertEquals(RosterConfig.NONE, TestHall.minimal().load().roster());
    }

    @Test
    void shiftsAndBreaks_areRead() {
        RosterConfig r = TestHall.minimal().with("roster", """
                shifts:
                  - { counter: 1, from: "09:00", to: "11:30" }
                  - { counter: 1, from: "14:45", to: "18:00" }
                breaks: { perShift: 1, length: 5m }
                """).load().roster();
        assertEquals(List.of(new RosterConfig.Shift(1, LocalTime.of(9, 0), LocalTime.of(11, 30)),
                new RosterConfig.Shift(1, LocalTime.of(14, 45), LocalTime.of(18, 0))), r.shiftsOf(1));
        assertEquals(1, r.breaksPerShift());
        assertEquals(Duration.ofMinutes(5), r.breakLength());
    }

    @Test
    void everyMistake_isNamedWithItsKey() {
        assertEquals(inFile("roster.shifts[0].counter: expected a counter number of this hall [1], got 9",
                        "roster.shifts[1].to: expected a time after from (11:00), got 10:00",
                        "roster.breaks.perShift: expected a whole number from 0 to 20, got 99",
                        "roster.breaks.length: expected a duration from 0 to 4h, got '-PT5M'"),
                TestHall.minimal().with("roster", """
                        shifts:
                          - { counter: 9, from: "09:00", to: "11:30" }
                          - { counter: 1, from: "11:00", to: "10:00" }
                        breaks: { perShift: 99, length: -PT5M }
                        """).errors());
    }
}
