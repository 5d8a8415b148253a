package io.hallq.controller.config;

import static io.hallq.controller.config.ConfigScalar.NAME;
import static io.hallq.controller.config.ConfigScalar.TIME_OF_DAY;

import io.hallq.controller.config.BusinessHours.BusyPeriod;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code hall} and {@code hours} sections. */
final class HallSectionReader {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalTime DEFAULT_DAY_ROLLOVER = LocalTime.of(4, 0);

    private static final ConfigScalar<String> HALL_ID =
            ConfigScalar.text("[a-z0-9-]{1,32}", "a hall id of 1 to 32 characters a-z, 0-9 and '-'");

    private HallSectionReader() {}

    static HallInfo hall(ConfigNode root) {
        ConfigNode n = root.key("hall").requiredMapping("id", "nameZh", "nameEn", "zone");
        return new HallInfo(
                n.key("id").required(HALL_ID).orElse(""),
                n.key("nameZh").required(NAME).orElse(""),
                n.key("nameEn").required(NAME).orElse(""),
                n.key("zone").get(ConfigScalar.ZONE, DEFAULT_ZONE));
    }

    static BusinessHours hours(ConfigNode root) {
        ConfigNode n = root.key("hours").requiredMapping("open", "close", "dayRollover", "busyPeriods");
        Optional<LocalTime> open = n.key("open").required(TIME_OF_DAY);
        Optional<LocalTime> close = n.key("close").required(TIME_OF_DAY);
        if (open.isPresent() && close.isPresent() && !open.get().isBefore(close.get())) {
            n.key("close").reject("a time of day after the opening time " + open.get());
            close = Optional.empty();
        }
        LocalTime rollover = n.key("dayRollover").get(TIME_OF_DAY, DEFAULT_DAY_ROLLOVER);
        if (open.isPresent() && close.isPresent()) {
            checkRollover(n.key("dayRollover"), rollover, open.get(), close.get());
        }
        List<BusyPeriod> busy = n.key("busyPeriods").list("busy periods").stream()
                .map(HallSectionReader::busyPeriod).toList();
        return new BusinessHours(open.orElse(LocalTime.MIN), close.orElse(LocalTime.MAX), rollover, busy);
    }

    /** The business day must not roll over while the hall is open, or open tickets would change day. */
    private static void checkRollover(ConfigNode n, LocalTime rollover, LocalTime open, LocalTime close) {
        if (rollover.isBefore(open) || !rollover.isBefore(close)) {
            return;
        }
        String hours = "the opening hours " + open + "-" + close;
        if (n.isGiven()) {
            n.reject("a time of day outside " + hours);
        } else {
            n.error("the default " + rollover + " lies within " + hours + "; set a dayRollover outside them");
        }
    }

    private static BusyPeriod busyPeriod(ConfigNode item) {
        ConfigNode n = item.requiredMapping("days", "from", "to");
        List<DayOfWeek> days = days(n.key("days"));
        Optional<LocalTime> from = n.key("from").required(TIME_OF_DAY);
        Optional<LocalTime> to = n.key("to").required(TIME_OF_DAY);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            n.key("to").reject("a time of day after from (" + from.get() + ")");
        }
        return new BusyPeriod(days, from.orElse(LocalTime.MIN), to.orElse(LocalTime.MAX));
    }

    private static List<DayOfWeek> days(ConfigNode n) {
        if (!n.isGiven()) {
            return List.of(DayOfWeek.values());
        }
        List<ConfigNode> items = n.requiredList("days");
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        List<DayOfWeek> days = new ArrayList<>();
        for (ConfigNode item : items) {
            item.required(ConfigScalar.DAY).ifPresent(day -> {
                if (seen.add(day)) {
                    days.add(day);
                } else {
                    item.error("duplicate day " + item.json().asText());
                }
            });
        }
        return days;
    }
}
