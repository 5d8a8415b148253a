package io.hallq.controller.config;

import static io.hallq.controller.config.ConfigScalar.BOOLEAN;
import static io.hallq.controller.config.ConfigScalar.NAME;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code classes} section. */
final class ClassesReader {

    static final Duration DEFAULT_BUSY_TARGET = Duration.ofMinutes(15);
    static final Duration DEFAULT_QUIET_TARGET = Duration.ofMinutes(5);
    static final Duration MAX_HEAD_START = Duration.ofHours(2);

    /** Head starts (class priority, counter weight, transfer priority) share one range. */
    static final ConfigScalar<Duration> HEAD_START = ConfigScalar.DURATION.where(
            d -> !d.isNegative() && d.compareTo(MAX_HEAD_START) <= 0, "a duration from 0 to 2h");
    private static final ConfigScalar<Duration> TARGET =
            ConfigScalar.DURATION.where(Duration::isPositive, "a duration more than 0");

    private static final String[] KEYS =
        {"code", "nameZh", "nameEn", "priority", "busyTarget", "quietTarget", "vipRoom", "default"};

    private ClassesReader() {}

    static List<CustomerClassConfig> read(ConfigNode root) {
        ConfigNode section = root.key("classes");
        UniqueValues codes = new UniqueValues("code");
        List<CustomerClassConfig> classes = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        boolean allUsable = true;
        for (ConfigNode item : section.requiredList("classes")) {
            ConfigNode n = item.requiredMapping(KEYS);
            CustomerClassConfig c = customerClass(n, codes);
            if (c.isDefault()) {
                defaults.add(item.path());
            }
            allUsable &= n.isUsable();
            classes.add(c);
        }
        // a class that could not be read at all may well have been the default one
        if (!classes.isEmpty() && allUsable && defaults.size() != 1) {
            String which = defaults.isEmpty() ? "" : ": " + String.join(", ", defaults);
            section.error("exactly one class may be default: true (found " + defaults.size() + which + ")");
        }
        return classes;
    }

    private static CustomerClassConfig customerClass(ConfigNode n, UniqueValues codes) {
        String code = n.key("code").required(ServicesReader.CODE).orElse("");
        codes.check(n.key("code"), n, code);
        return new CustomerClassConfig(code,
                n.key("nameZh").required(NAME).orElse(""),
                n.key("nameEn").required(NAME).orElse(""),
                n.key("priority").get(HEAD_START, Duration.ZERO),
                n.key("busyTarget").get(TARGET, DEFAULT_BUSY_TARGET),
                n.key("quietTarget").get(TARGET, DEFAULT_QUIET_TARGET),
                n.key("vipRoom").get(BOOLEAN, false),
                n.key("default").get(BOOLEAN, false));
    }
}
