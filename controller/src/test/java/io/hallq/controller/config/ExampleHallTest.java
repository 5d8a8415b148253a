package io.hallq.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.BusinessHours.BusyPeriod;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.QueueRules.TransferMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped example must load cleanly; the emulator starts this hall by default. */
class ExampleHallTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private static Path file;
    private static HallConfig config;

    @BeforeAll
    static void load() {
        file = exampleFile();
        config = HallConfigLoader.load(file);
    }

    /** Surefire runs in the module folder, an IDE maybe in the repository root: look upwards. */
    static Path exampleFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config/example-hall.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/example-hall.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void hallAndHours_areRead() {
        assertEquals(new HallInfo("sh-pudong-01", "浦东世纪大道营业厅", "Pudong Century Avenue Hall",
                ZoneId.of("Asia/Shanghai")), config.hall());
        assertEquals(new BusinessHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(4, 0), List.of(
                new BusyPeriod(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(11, 0)),
                new BusyPeriod(WEEKDAYS, LocalTime.of(15, 0), LocalTime.of(17, 0)),
                new BusyPeriod(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
        )), config.hours());
    }

    @Test
    void services_keepFileOrderAndDefaults() {
        assertEquals(List.of("OPEN", "SIM", "ADJ", "PLAN", "PAY", "PROMO", "BILL", "INFO"),
                config.services().stream().map(ServiceConfig::code).toList());
        assertEquals(new ServiceConfig("OPEN", "开户", "New account", "A", 1, 999, Duration.ofMinutes(12), true,
                "暂停办理", "Temporarily unavailable", false), config.services().get(0));
        assertEquals(new ServiceConfig("INFO", "客户资料完善", "Customer data update", "H", 1, 999,
                Duration.ofMinutes(4), true, "系统维护中,请稍后", "Under maintenance, please come back later",
                false),
                config.service("INFO").orElseThrow());
    }

    @Test
    void classes_haveTheirPrioritiesAndOneDefault() {
        assertEquals(new CustomerClassConfig("VIP", "贵宾", "VIP", Duration.ofMinutes(20), Duration.ofMinutes(10),
                Duration.ofMinutes(5), true, false), config.classes().get(0));
        assertEquals("WALKIN", config.defaultClass().code());
        assertEquals(Duration.ZERO, config.customerClass("MZONE").orElseThrow().priority());
    }

    @Test
    void counters_haveProfilesAndDefaultNames() {
        assertEquals(5, config.counters().size());
        CounterConfig vip = config.counter(1).orElseThrow();
        assertTrue(vip.vipRoom());
        assertEquals(new ProfileEntry("OPEN", List.of("VIP"), Duration.ZERO), vip.profile().get(0));
        assertEquals(new CounterConfig(2, "2号窗口", "Counter 2", false, true, List.of(
                new ProfileEntry("OPEN", List.of(), Duration.ofMinutes(10)),
                new ProfileEntry("SIM", List.of(), Duration.ofMinutes(10)),
                new ProfileEntry("PLAN", List.of(), Duration.ZERO),
                new ProfileEntry("INFO", List.of(), Duration.ZERO))), config.counter(2).orElseThrow());
        assertFalse(config.counter(5).orElseThrow().openAtStart());
        assertTrue(config.hasVipRoom());
    }

    @Test
    void alarmsRulesAndJournal_areRead() {
        assertEquals(new AlarmConfig(2, 3, Duration.ofMinutes(5), true, new PreCallConfig(true, 2, 3,
                List.of(new PreCallConfig.Window(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 30))))),
                config.alarms());
        assertEquals(new QueueRules(2, true, TransferMode.KEEP_ARRIVAL, Duration.ofMinutes(10), true, 20),
                config.rules());
        Path expectedDir = file.getParent().resolveSibling("data").resolve("sh-pudong-01");
        assertEquals(new JournalConfig(expectedDir.toString(), 60, 2000), config.journal());
    }

    @Test
    void loadWithRoot_keepsTheRawTreeAndTheFile() {
        LoadedConfig loaded = HallConfigLoader.loadWithRoot(file);
        assertEquals(config, loaded.config());
        assertEquals(file, loaded.file());
        assertEquals("sh-pudong-01", loaded.root().path("hall").path("id").asText());
        assertEquals(file.getParent(), loaded.baseDir());
    }
}
