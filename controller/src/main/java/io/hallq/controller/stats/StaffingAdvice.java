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

    /**
     * The fewest closed days of a weekday the profile must hold before the manager page's advice is judged by the
     * staffing-to-target search on it: with fewer, one odd day would set the roster, and the page shows Erlang C
     * advice labelled as such.
     */
    public static final int MIN_DAYS_FOR_SEARCH = 3;

    /** Replicated days the search's judge plays per roster (the same customers for every roster). */
    public static final int SEARCH_DAYS = 40;

    /**
     * One hour of advice judged against the targets.
     *
     * @param erlangC    Erlang C's count (the search's start; the advice itself when not judged)
     * @param counters   counters advised
     * @param enough     false when even every counter the hall has misses the target in this hour
     * @param judged     true when the search's simulation judged the hour
     * @param hallRoster counters the hall's roster has working at half past the hour
     */
    public record Advised(int hour, double arrivalsPerHour, double handlingSeconds, long targetSeconds, int erlangC,
                          int counters, boolean enough, boolean judged, int hallRoster) {}

    /** How many closed days of {@code day} the profile holds (the most any of its hours saw). */
    public static int daysOf(BusyIdleProfile profile, DayOfWeek day) {
        return profile.slots().stream().filter(s -> s.weekday() == day).mapToInt(Slot::daysObserved).max().orElse(0);
    }

    /** Counters the hall can open for ordinary customers: all but the VIP room, unless it takes them when idle. */
    public static int hallCounters(HallConfig config) {
        return (int) config.counters().stream().filter(c -> !c.vipRoom() || config.rules().vipRoomOverflow()).count();
    }

    /**
     * Counters the hall's roster has working at half past {@code hour}: those with a planned shift then, and
     * those without shifts that open at the start of the day.
     */
    public static int hallRoster(HallConfig config, int hour) {
        LocalTime t = LocalTime.of(hour, 30);
        int n = 0;
        for (var c : config.counters()) {
            var shifts = config.roster().shiftsOf(c.number());
            boolean on = shifts.isEmpty() ? c.openAtStart()
                    : shifts.stream().anyMatch(s -> !s.from().isAfter(t) && s.to().isAfter(t));
            n += on ? 1 : 0;
        }
        return n;
    }

    /** Erlang C advice for every opening hour, labelled not judged (too few days for the search). */
    public static List<Advised> erlangOnly(HallConfig config, BusyIdleProfile profile, DayOfWeek day,
                                           double serviceLevel) {
        int max = hallCounters(config);
        return forOpeningHours(config, profile, day, serviceLevel).stream()
                .map(h -> new Advised(h.hour(), h.arrivalsPerHour(), h.handlingSeconds(), h.targetSeconds(),
                        h.counters(), h.counters(), h.counters() <= max, false, hallRoster(config, h.hour())))
                .toList();
    }

    /**
     * The staffing-to-target search ({@link StaffingSearch}) on the hall's own profile of {@code day}: Erlang C at
     * {@code percentile} starts each opening hour, {@link ProfileSimulation} ({@link #SEARCH_DAYS} days from a
     * seed fixed by the profile's period) judges it against the default class's busy or quiet target at that
     * percentile. Hours where nobody came need no counter; others at least one.
     *
     * @param inTime false once the search must stop (the hours left keep Erlang C's count, not judged)
     */
    public static List<Advised> toTarget(HallConfig config, BusyIdleProfile profile, DayOfWeek day, double percentile,
                                         java.util.function.BooleanSupplier inTime) {
        List<Hour> listed = forOpeningHours(config, profile, day, percentile);
        int open = listed.getFirst().hour();
        // every hour from the first to the last listed (the profile may have seen customers outside the hours)
        Hour[] hours = new Hour[listed.getLast().hour() - open + 1];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = new Hour(open + i, 0, 0, targetSeconds(config, day, open + i), 0);
        }
        listed.forEach(h -> hours[h.hour() - open] = h);
        int[] start = new int[hours.length];
        int[] minimum = new int[hours.length];
        long[] targets = new long[hours.length];
        for (int i = 0; i < hours.length; i++) {
            start[i] = hours[i].counters();
            minimum[i] = hours[i].arrivalsPerHour() > 0 ? 1 : 0;
            targets[i] = hours[i].targetSeconds();
        }
        // day.getValue(), not the enum: an enum's hashCode differs from one JVM run to the next
        long seed = java.util.Objects.hash(profile.hallId(), profile.fromDay(), profile.toDay(), day.getValue());
        ProfileSimulation judge = ProfileSimulation.of(profile, day, open, targets, percentile, SEARCH_DAYS, seed);
        List<StaffingSearch.Hour> found = StaffingSearch.search(start, minimum, hallCounters(config), judge, inTime);
        List<Advised> out = new ArrayList<>();
        for (StaffingSearch.Hour f : found) {
            Hour h = hours[f.index()];
            out.add(new Advised(h.hour(), h.arrivalsPerHour(), h.handlingSeconds(), h.targetSeconds(), f.erlangStart(),
                    f.counters(), f.enough(), f.judged(), hallRoster(config, h.hour())));
        }
        return out;
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
