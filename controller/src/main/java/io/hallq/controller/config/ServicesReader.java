package io.hallq.controller.config;

import static io.hallq.controller.config.ConfigScalar.BOOLEAN;
import static io.hallq.controller.config.ConfigScalar.NAME;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code services} section. */
final class ServicesReader {

    static final String DEFAULT_DISABLED_ZH = "暂停办理";
    static final String DEFAULT_DISABLED_EN = "Temporarily unavailable";
    static final int DEFAULT_NUMBER_FROM = 1;
    static final int DEFAULT_NUMBER_TO = 999;

    static final ConfigScalar<String> CODE =
            ConfigScalar.text("[A-Z][A-Z0-9_]{0,15}", "a code of an uppercase letter then up to 15 of A-Z, 0-9, '_'");
    private static final ConfigScalar<String> PREFIX =
            ConfigScalar.text("[A-Z]", "a single uppercase letter A-Z");
    private static final ConfigScalar<Integer> NUMBER = ConfigScalar.integer(1, 9999);
    private static final Duration MAX_HANDLING = Duration.ofHours(4);
    private static final ConfigScalar<Duration> HANDLING_TIME = ConfigScalar.DURATION.where(
            d -> d.isPositive() && d.compareTo(MAX_HANDLING) <= 0, "a duration more than 0 and at most 4h");

    private static final String[] KEYS = {"code", "nameZh", "nameEn", "prefix", "numberFrom", "numberTo",
        "handlingTime", "enabled", "disabledMessageZh", "disabledMessageEn", "directQueue"};

    private ServicesReader() {}

    static List<ServiceConfig> read(ConfigNode root) {
        UniqueValues codes = new UniqueValues("code");
        UniqueValues prefixes = new UniqueValues("prefix");
        List<ServiceConfig> services = new ArrayList<>();
        for (ConfigNode item : root.key("services").requiredList("services")) {
            services.add(service(item.requiredMapping(KEYS), codes, prefixes));
        }
        return services;
    }

    private static ServiceConfig service(ConfigNode n, UniqueValues codes, UniqueValues prefixes) {
        String code = n.key("code").required(CODE).orElse("");
        codes.check(n.key("code"), n, code);
        String nameZh = n.key("nameZh").required(NAME).orElse("");
        String nameEn = n.key("nameEn").required(NAME).orElse("");
        String prefix = n.key("prefix").required(PREFIX).orElse("");
        prefixes.check(n.key("prefix"), n, prefix);
        int from = n.key("numberFrom").get(NUMBER, DEFAULT_NUMBER_FROM);
        int to = n.key("numberTo").get(NUMBER, DEFAULT_NUMBER_TO);
        if (from > to) {
            rejectNumberRange(n, from, to);
            from = Math.min(from, to);
        }
        return new ServiceConfig(code, nameZh, nameEn, prefix, from, to,
                n.key("handlingTime").required(HANDLING_TIME).orElse(Duration.ofMinutes(1)),
                n.key("enabled").get(BOOLEAN, true),
                n.key("disabledMessageZh").get(NAME, DEFAULT_DISABLED_ZH),
                n.key("disabledMessageEn").get(NAME, DEFAULT_DISABLED_EN),
                n.key("directQueue").get(BOOLEAN, false));
    }

    /** Blames numberTo when the operator wrote it, otherwise numberFrom, which then ran past the default end. */
    private static void rejectNumberRange(ConfigNode n, int from, int to) {
        if (n.key("numberTo").isGiven()) {
            n.key("numberTo").reject("a whole number from numberFrom (" + from + ") to 9999");
        } else {
            n.key("numberFrom").reject("a whole number from 1 to numberTo (" + to + ", the default)");
        }
    }
}
