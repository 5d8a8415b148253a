package io.hallq.controller.config;

import io.hallq.controller.config.BusinessHours.BusyPeriod;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.QueueRules.TransferMode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Builds random but valid hall configurations for the round-trip property. */
final class RandomHalls {

    private static final String NAME_CHARS = "abcXYZ 019:#-'\"{}[],&*!|>%@`营业厅窗口贵宾普通\\";
    private static final List<ZoneId> ZONES =
            List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Urumqi"), ZoneId.of("UTC"), ZoneId.of("+08:00"));

    private final Random random;

    RandomHalls(Random random) {
        this.random = random;
    }

    HallConfig hall(Path baseDir) {
        String id = hallId();
        List<ServiceConfig> services = IntStream.range(0, between(1, 8)).mapToObj(this::service).toList();
        List<CustomerClassConfig> classes = classes();
        List<CounterConfig> counters = counters(services, classes);
        return new HallConfig(new HallInfo(id, name(), name(), pick(ZONES)), hours(), services, classes, counters,
                new AlarmConfig(positive(), positive(), seconds(0, 3600), random.nextBoolean()),
                new QueueRules(between(0, 9), random.nextBoolean(), pick(List.of(TransferMode.values())),
                        seconds(0, 7200), random.nextBoolean(), between(1, 500)),
                journal(baseDir, id), RosterConfig.NONE, appointments(services));
    }

    /** The loader keeps the default profile weeks within the retention (at most retentionDays / 7, at least 1). */
    private JournalConfig journal(Path baseDir, String id) {
        int retention = between(1, 3650);
        return new JournalConfig(baseDir.resolve(random.nextBoolean() ? "data/" + id : "j" + id).toString(),
                retention, between(100, 1_000_000),
                Math.min(JournalConfig.DEFAULT_PROFILE_WEEKS, Math.max(1, retention / 7)));
    }

    /** Off half the time; otherwise every key random within its bounds, some called services bookable. */
    private AppointmentsConfig appointments(List<ServiceConfig> services) {
        if (random.nextBoolean()) {
            return AppointmentsConfig.OFF;
        }
        List<String> called = services.stream().filter(s -> !s.directQueue()).map(ServiceConfig::code)
                .filter(c -> random.nextBoolean()).toList();
        int[] slots = {5, 10, 15, 20, 30, 60};
        return new AppointmentsConfig(random.nextBoolean(), random.nextBoolean(), called,
                between(0, 100) / 100.0, java.time.Duration.ofMinutes(slots[between(0, slots.length - 1)]),
                java.time.Duration.ofMinutes(between(0, 120)), java.time.Duration.ofMinutes(between(0, 120)),
                java.time.Duration.ofMinutes(between(0, 120)), java.time.Duration.ofMinutes(between(1, 720)),
                between(0, 60), between(1, 10));
    }

    private BusinessHours hours() {
        int open = between(1, 22 * 60);
        int close = between(open + 1, 24 * 60 - 1);
        int rollover = random.nextBoolean() ? between(0, open - 1) : between(close, 24 * 60 - 1);
        List<BusyPeriod> busy = IntStream.range(0, between(0, 3)).mapToObj(i -> {
            int from = between(0, 24 * 60 - 2);
            return new BusyPeriod(days(), time(from), time(between(from + 1, 24 * 60 - 1)));
        }).toList();
        return new BusinessHours(time(open), time(close), time(rollover), busy);
    }

    private ServiceConfig service(int i) {
        int from = between(1, 9999);
        return new ServiceConfig(code(i), name(), name(), String.valueOf((char) ('A' + i)), from, between(from, 9999),
                seconds(1, 4 * 3600), random.nextBoolean(), name(), name(), random.nextBoolean());
    }

    private List<CustomerClassConfig> classes() {
        int count = between(1, 5);
        int defaultIndex = random.nextInt(count);
        return IntStream.range(0, count).mapToObj(i -> new CustomerClassConfig(code(i), name(), name(),
                seconds(0, 7200), seconds(1, 36000), seconds(1, 36000), random.nextBoolean(), i == defaultIndex))
                .toList();
    }

    private List<CounterConfig> counters(List<ServiceConfig> services, List<CustomerClassConfig> classes) {
        List<Integer> numbers = new ArrayList<>(IntStream.rangeClosed(1, 999).boxed().toList());
        Collections.shuffle(numbers, random);
        boolean vipClass = classes.stream().anyMatch(CustomerClassConfig::vipRoom);
        List<CounterConfig> counters = new ArrayList<>();
        for (int i = 0, n = between(1, 6); i < n; i++) {
            int number = numbers.get(i);
            boolean named = random.nextBoolean();
            counters.add(new CounterConfig(number, named ? name() : number + "号窗口",
                    named ? name() : "Counter " + number, vipClass && random.nextBoolean(), random.nextBoolean(),
                    profile(services, classes)));
        }
        return coverEveryCalledService(counters, services);
    }

    private List<ProfileEntry> profile(List<ServiceConfig> services, List<CustomerClassConfig> classes) {
        return subset(services).stream().map(s -> new ProfileEntry(s.code(),
                subset(classes).stream().map(CustomerClassConfig::code).toList(), seconds(0, 7200))).toList();
    }

    /** The loader refuses a called service that no counter serves, so the first counter takes the rest. */
    private static List<CounterConfig> coverEveryCalledService(List<CounterConfig> counters,
                                                               List<ServiceConfig> services) {
        CounterConfig first = counters.get(0);
        List<ProfileEntry> profile = new ArrayList<>(first.profile());
        services.stream()
                .filter(s -> s.enabled() && !s.directQueue())
                .filter(s -> counters.stream().flatMap(c -> c.profile().stream()).noneMatch(e -> e.service()
                        .equals(s.code())))
                .forEach(s -> profile.add(new ProfileEntry(s.code(), List.of(), Duration.ZERO)));
        List<CounterConfig> result = new ArrayList<>(counters);
        result.set(0, new CounterConfig(first.number(), first.nameZh(), first.nameEn(), first.vipRoom(),
                first.openAtStart(), profile));
        return result;
    }

    private <T> List<T> subset(List<T> items) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, random.nextInt(items.size() + 1));
    }

    private List<DayOfWeek> days() {
        List<DayOfWeek> days = new ArrayList<>(Arrays.asList(DayOfWeek.values()));
        Collections.shuffle(days, random);
        return days.subList(0, between(1, 7));
    }

    private String hallId() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789-";
        return random.ints(between(1, 32), 0, chars.length()).mapToObj(i -> String.valueOf(chars.charAt(i)))
                .reduce("", String::concat);
    }

    /** Unique through the index; the rest exercises every character the pattern allows. */
    private String code(int index) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        return random.ints(between(0, 13), 0, chars.length()).mapToObj(i -> String.valueOf(chars.charAt(i)))
                .reduce("C" + index, String::concat);
    }

    private String name() {
        String text = random.ints(between(1, 20), 0, NAME_CHARS.length())
                .mapToObj(i -> String.valueOf(NAME_CHARS.charAt(i))).reduce("", String::concat);
        return text.isBlank() ? "x" + text : text;
    }

    private double positive() {
        return random.nextBoolean() ? between(1, 20) : 0.01 + random.nextDouble() * 100;
    }

    private Duration seconds(int min, int max) {
        return Duration.ofSeconds(between(min, max));
    }

    private static LocalTime time(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
