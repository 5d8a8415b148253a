package io.hallq.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.QueueRules.TransferMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every optional key left out takes the default documented in docs/configuration.md. */
class DefaultsTest {

    private final HallConfig config = TestHall.minimal().load();

    @Test
    void hallZone_defaultsToShanghai() {
        assertEquals(ZoneId.of("Asia/Shanghai"), config.hall().zone());
    }

    @Test
    void hours_rollOverAtFourWithoutBusyPeriods() {
        assertEquals(LocalTime.of(4, 0), config.hours().dayRollover());
        assertEquals(List.of(), config.hours().busyPeriods());
    }

    @Test
    void service_defaults() {
        assertEquals(new ServiceConfig("OPEN", "开户", "New account", "A", 1, 999, Duration.ofMinutes(10), true,
                "暂停办理", "Temporarily unavailable", false), config.services().get(0));
    }

    @Test
    void class_defaults() {
        assertEquals(new CustomerClassConfig("WALKIN", "普通", "Walk-in", Duration.ZERO, Duration.ofMinutes(15),
                Duration.ofMinutes(5), false, true), config.classes().get(1));
    }

    @Test
    void counter_defaults() {
        assertEquals(new CounterConfig(1, "1号窗口", "Counter 1", false, true, List.of(
                new ProfileEntry("OPEN", List.of(), Duration.ZERO),
                new ProfileEntry("PAY", List.of(), Duration.ZERO))), config.counters().get(0));
    }

    @Test
    void counterWithoutProfile_takesNothing() {
        HallConfig c = TestHall.minimal().with("counters", """
                - number: 1
                  profile: [{ service: OPEN }, { service: PAY }]
                - number: 2
                """).load();
        assertEquals(List.of(), c.counter(2).orElseThrow().profile());
    }

    @Test
    void busyPeriodWithoutDays_coversEveryDay() {
        HallConfig c = TestHall.minimal().with("hours", """
                open: "09:00"
                close: "18:00"
                busyPeriods: [{ from: "10:00", to: "12:00" }]
                """).load();
        assertEquals(List.of(DayOfWeek.values()), c.hours().busyPeriods().get(0).days());
    }

    @Test
    void optionalSections_defaultWhenLeftOut() {
        assertEquals(new AlarmConfig(2, 3, Duration.ofMinutes(5), true), config.alarms());
        assertEquals(new QueueRules(2, true, TransferMode.KEEP_ARRIVAL, Duration.ofMinutes(10), true, 20),
                config.rules());
        assertEquals(new JournalConfig("/halls/test/data/test-hall", 60, 2000), config.journal());
    }

    @Test
    void emptyOptionalSections_meanDefaultsToo() {
        HallConfig c = TestHall.minimal().with("alarms", "").with("rules", "").with("journal", "").load();
        assertEquals(config, c);
    }

    @Test
    void emptyValue_countsAsNotGiven() {
        HallConfig c = TestHall.minimal().with("hall", """
                id: test-hall
                nameZh: 测试厅
                nameEn: Test Hall
                zone:
                """).with("rules", "recallLimit: ~\ntransferMode: \"\"").load();
        assertEquals(config, c);
    }
}
