package io.hallq.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.QueueRules.TransferMode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config records check their own invariants, so code cannot build a hall the loader would refuse. */
class ConfigRecordsTest {

    private static ServiceConfig service(int from, int to, Duration handling) {
        return new ServiceConfig("PAY", "缴费", "Pay", "E", from, to, handling, true, "暂停", "Paused", false);
    }

    @Test
    void aService_needsNumbersInOrderWithinFourDigits_andAHandlingTime() {
        assertEquals(1, service(1, 9999, Duration.ofMinutes(2)).numberFrom());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service(500, 100, Duration.ofMinutes(2)));
        assertEquals("ServiceConfig PAY: numbers must run 1 <= numberFrom <= numberTo <= 9999, got 500..100",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> service(0, 100, Duration.ofMinutes(2)));
        assertThrows(IllegalArgumentException.class, () -> service(1, 10_000, Duration.ofMinutes(2)));
        assertEquals("ServiceConfig PAY: handlingTime must be more than 0, got PT0S",
                assertThrows(IllegalArgumentException.class, () -> service(1, 999, Duration.ZERO)).getMessage());
        assertEquals("ServiceConfig PAY: handlingTime is required",
                assertThrows(NullPointerException.class, () -> service(1, 999, null)).getMessage());
    }

    @Test
    void aClass_needsAHeadStartOfZeroOrMore_andWaitTargets() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerClassConfig("VIP", "贵宾", "VIP",
                Duration.ofMinutes(-1), Duration.ofMinutes(15), Duration.ofMinutes(5), true, false));
        assertThrows(IllegalArgumentException.class, () -> new CustomerClassConfig("VIP", "贵宾", "VIP",
                Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), true, false));
    }

    @Test
    void theJournal_feedsAtMostTheProfileWeeksItKeeps() {
        assertEquals(4, new JournalConfig("data", 60, 2000).profileWeeks());
        assertEquals(2, new JournalConfig("data", 14, 2000).profileWeeks(), "the default shrinks to what is kept");
        assertEquals(1, new JournalConfig("data", 3, 2000).profileWeeks());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JournalConfig("data", 14, 2000, 3));
        assertEquals("JournalConfig: profileWeeks must be 1..2 (the journal keeps 14 days), got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JournalConfig("data", 0, 2000));
    }

    @Test
    void rulesAlarmsAndRoster_refuseNegativeCountsAndDurations() {
        assertThrows(IllegalArgumentException.class, () -> new QueueRules(-1, true, TransferMode.KEEP_ARRIVAL,
                Duration.ZERO, true, 20));
        assertThrows(IllegalArgumentException.class, () -> new QueueRules(2, true, TransferMode.KEEP_ARRIVAL,
                Duration.ZERO, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new AlarmConfig(0, 3, Duration.ofMinutes(5), true));
        assertThrows(IllegalArgumentException.class, () -> new AlarmConfig(2, 3, Duration.ofMinutes(-5), true));
        assertThrows(IllegalArgumentException.class, () -> new RosterConfig(List.of(), -1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RosterConfig.Shift(1, LocalTime.of(12, 0), LocalTime.of(9, 0)));
    }

    @Test
    void aHall_needsEveryPart_butTheRoster() {
        HallConfig small = TestHalls.small();
        assertEquals(RosterConfig.NONE, HallConfigBuilder.from(small).roster(null).build().roster());
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> HallConfigBuilder.from(small).rules(null).build());
        assertEquals("HallConfig test-hall: rules is required", e.getMessage());
        assertThrows(NullPointerException.class, () -> HallConfigBuilder.builder().build());
    }

    @Test
    void theBuilder_changesOnlyWhatItIsTold() {
        HallConfig small = TestHalls.small();
        assertEquals(small, HallConfigBuilder.from(small).build());
        HallConfig other = HallConfigBuilder.from(small).hall("hall-b", "乙厅", "Hall B").build();
        assertEquals(new HallInfo("hall-b", "乙厅", "Hall B", small.hall().zone()), other.hall());
        assertEquals(small.services(), other.services());
        assertTrue(other.counters().equals(small.counters()) && other.rules().equals(small.rules()));
    }
}
