package io.hallq.controller;

import io.hallq.controller.config.AlarmConfig;
import io.hallq.controller.config.BusinessHours;
import io.hallq.controller.config.BusinessHours.BusyPeriod;
import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.HallConfigBuilder;
import io.hallq.controller.config.HallInfo;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.config.QueueRules;
import io.hallq.controller.config.QueueRules.TransferMode;
import io.hallq.controller.config.ServiceConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Hall configurations built in code for tests, independent of the YAML loader. */
public final class TestHalls {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-11-23 10:00 Shanghai: inside opening hours and a busy period. */
    public static final Instant MONDAY_10AM = Instant.parse("2026-11-23T02:00:00Z");

    private TestHalls() {}

    /**
     * A clock that runs in real time from {@code start}: for tests of whole halls with timers and rate limits,
     * whose outcome must not hang on the hour the build happens to run at (opening hours, the day roll).
     */
    public static java.time.Clock runningFrom(Instant start) {
        return java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    public static ServiceConfig service(String code, String prefix, int minutes) {
        return new ServiceConfig(code, code + "中文", code + " en", prefix, 1, 999, Duration.ofMinutes(minutes),
                true, "暂停办理", "Temporarily unavailable", false);
    }

    public static CustomerClassConfig cls(String code, int priorityMinutes, boolean vipRoom, boolean isDefault) {
        return new CustomerClassConfig(code, code + "中文", code, Duration.ofMinutes(priorityMinutes),
                Duration.ofMinutes(code.equals("GOTONE") || code.equals("VIP") ? 10 : 15), Duration.ofMinutes(5),
                vipRoom, isDefault);
    }

    public static ProfileEntry entry(String service, int weightMinutes, String... classes) {
        return new ProfileEntry(service, Arrays.asList(classes), Duration.ofMinutes(weightMinutes));
    }

    public static CounterConfig counter(int n, boolean vipRoom, ProfileEntry... profile) {
        return new CounterConfig(n, n + "号窗口", "Counter " + n, vipRoom, true, List.of(profile));
    }

    public static QueueRules rules() {
        return new QueueRules(2, true, TransferMode.KEEP_ARRIVAL, Duration.ofMinutes(10), true, 20);
    }

    /**
     * A small hall: services OPEN (A, 10 min), PAY (E, 2 min), BILL (G, 3 min) and DIRECT (P, direct queue);
     * classes VIP (20 min head start, VIP room), GOTONE (5 min), WALKIN (default); counter 1 in the VIP room,
     * counters 2 and 3 ordinary (2 favours OPEN), counter 4 the direct-queue window.
     */
    public static HallConfig small() {
        return small(UnaryOperator.identity());
    }

    public static HallConfig small(UnaryOperator<HallConfig> change) {
        List<ServiceConfig> services = new ArrayList<>(List.of(service("OPEN", "A", 10), service("PAY", "E", 2),
                service("BILL", "G", 3)));
        ServiceConfig d = service("DIRECT", "P", 1);
        services.add(new ServiceConfig(d.code(), d.nameZh(), d.nameEn(), d.prefix(), 1, 999, d.handlingTime(),
                true, d.disabledMessageZh(), d.disabledMessageEn(), true));
        List<CounterConfig> counters = List.of(
                counter(1, true, entry("OPEN", 0, "VIP"), entry("PAY", 0, "VIP"), entry("BILL", 0, "VIP")),
                counter(2, false, entry("OPEN", 10), entry("PAY", 0), entry("BILL", 0)),
                counter(3, false, entry("OPEN", 0), entry("PAY", 0), entry("BILL", 0)),
                counter(4, false, entry("DIRECT", 0)));
        HallConfig cfg = HallConfigBuilder.builder()
                .hall(new HallInfo("test-hall", "测试营业厅", "Test Hall", ZONE))
                .hours(new BusinessHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(4, 0),
                        List.of(new BusyPeriod(List.of(DayOfWeek.values()), LocalTime.of(9, 0), LocalTime.of(11, 0)))))
                .services(services)
                .classes(List.of(cls("VIP", 20, true, false), cls("GOTONE", 5, false, false),
                        cls("WALKIN", 0, false, true)))
                .counters(counters)
                .alarms(new AlarmConfig(2, 3, Duration.ofMinutes(5), true))
                .rules(rules())
                .journal(new JournalConfig("data/test-hall", 60, 2000))
                .build();
        return change.apply(cfg);
    }

    public static HallConfig withRules(HallConfig c, QueueRules rules) {
        return HallConfigBuilder.from(c).rules(rules).build();
    }

    /** The small hall with its journal in {@code dataDir}. */
    public static HallConfig small(java.nio.file.Path dataDir) {
        return HallConfigBuilder.from(small()).journalIn(dataDir).build();
    }

    public static HallConfig withJournal(HallConfig c, JournalConfig journal) {
        return HallConfigBuilder.from(c).journal(journal).build();
    }

    public static HallConfig withCounters(HallConfig c, List<CounterConfig> counters) {
        return HallConfigBuilder.from(c).counters(counters).build();
    }
}
