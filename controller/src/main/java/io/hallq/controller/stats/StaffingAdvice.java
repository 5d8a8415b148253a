package io.hallq.controller.stats;

import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.BusyIdleProfile.Slot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counters needed per hour of a weekday from the busy/idle profile and the wait targets (Erlang C). The target of
 * an hour is the default class's busy or quiet target, whichever applies at half past; the share of customers
 * that must meet it is {@code serviceLevel} (0.8: "80% within target").
 */
public final class StaffingAdvice {

    /** One hour of the advised roster. */
    public record Hour(int hour, double arrivalsPerHour, double handlingSeconds, long targetSeconds, int counters) {}

    /** A stretch of whole hours {@code [fromHour, toHour)} that needs the same number of counters. */
    public record Shift(int fromHour, int toHour, int counters) {}

    private StaffingAdvice() {}

    public static List<Hour> forWeekday(HallConfig config, BusyIdleProfile profile, DayOfWeek day, double serviceLevel) {
        List<Hour> out = new ArrayList<>();
        for (Slot s : profile.slots()) {
            if (s.weekday() == day) {
                long target = targetSeconds(config, day, s.hour());
                out.add(new Hour(s.hour(), s.arrivalsPerHour(), s.meanHandlingSeconds(), target,
                        ErlangC.countersNeeded(s.arrivalsPerHour(), s.meanHandlingSeconds(), target, serviceLevel)));
            }
        }
        return out;
    }

    /**
     * Every opening hour of a weekday (and any other hour the profile saw customers in), in order: the advice
     * where the profile has data, 0 counters where it saw nobody.
     */
    public static List<Hour> forOpeningHours(HallConfig config, BusyIdleProfile profile, DayOfWeek day,
                                            double serviceLevel) {
        java.util.TreeMap<Integer, Hour> byHour = new java.util.TreeMap<>();
        int open = config.hours().open().getHour();
        LocalTime close = config.hours().close();
        int last = close.getMinute() == 0 && close.getSecond() == 0 ? close.getHour() - 1 : close.getHour();
        for (int h = open; h <= last; h++) {
            byHour.put(h, new Hour(h, 0, 0, targetSeconds(config, day, h), 0));
        }
        for (Hour h : forWeekday(config, profile, day, serviceLevel)) {
            byHour.put(h.hour(), h);
        }
        return List.copyOf(byHour.values());
    }

    /** The roster the hours imply: consecutive hours that need the same number of counters as one shift. */
    public static List<Shift> roster(List<Hour> hours) {
        List<Shift> out = new ArrayList<>();
        for (Hour h : hours) {
            Shift prev = out.isEmpty() ? null : out.getLast();
            if (prev != null && prev.toHour() == h.hour() && prev.counters() == h.counters()) {
                out.set(out.size() - 1, new Shift(prev.fromHour(), h.hour() + 1, prev.counters()));
            } else {
                out.add(new Shift(h.hour(), h.hour() + 1, h.counters()));
            }
        }
        return out;
    }

    public static long targetSeconds(HallConfig config, DayOfWeek day, int hour) {
        // any date with that weekday: busy periods only look at the weekday and the time
        LocalDate date = LocalDate.of(2024, 1, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
        boolean busy = config.hours().isBusy(date.atTime(LocalTime.of(hour, 30)));
        CustomerClassConfig cls = config.defaultClass();
        return (busy ? cls.busyTarget() : cls.quietTarget()).toSeconds();
    }

    /** The roster as text, one line per hour: "09:00 6 counters (42.0/h x 300 s, target 600 s)". */
    public static String describe(List<Hour> hours) {
        StringBuilder sb = new StringBuilder();
        for (Hour h : hours) {
            sb.append(String.format(Locale.ROOT, "%02d:00 %d counters (%.1f/h x %.0f s, target %d s)%n", h.hour(),
                    h.counters(), h.arrivalsPerHour(), h.handlingSeconds(), h.targetSeconds()));
        }
        return sb.toString();
    }
}
