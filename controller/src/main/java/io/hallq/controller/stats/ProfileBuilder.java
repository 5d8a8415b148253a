package io.hallq.controller.stats;

import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.BusyIdleProfile.Slot;
import io.hallq.protocol.stats.DailyStatistics;
import io.hallq.protocol.stats.DailyStatistics.ServiceHour;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the busy/idle profile from daily statistics, and writes it as CSV. */
public final class ProfileBuilder {

    private ProfileBuilder() {}

    private static final class Acc {
        int arrivals;
        int served;
        double handlingSum;
        int called;
        double waitSum;
    }

    /** @param days daily statistics of one hall, any order; days whose date cannot be read are skipped */
    public static BusyIdleProfile build(String hallId, List<DailyStatistics> days) {
        Map<DayOfWeek, Integer> dayCount = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Map<Integer, Acc>> acc = new EnumMap<>(DayOfWeek.class);
        String from = null;
        String to = null;
        for (DailyStatistics d : days) {
            LocalDate date;
            try {
                date = LocalDate.parse(d.day());
            } catch (java.time.format.DateTimeParseException e) {
                continue;
            }
            from = from == null || d.day().compareTo(from) < 0 ? d.day() : from;
            to = to == null || d.day().compareTo(to) > 0 ? d.day() : to;
            dayCount.merge(date.getDayOfWeek(), 1, Integer::sum);
            for (ServiceHour h : d.serviceHours()) {
                Acc a = acc.computeIfAbsent(date.getDayOfWeek(), k -> new TreeMap<>()).computeIfAbsent(h.hour(), k -> new Acc());
                a.arrivals += h.arrivals();
                a.served += h.served();
                a.handlingSum += h.meanHandlingSeconds() * h.served();
                a.called += h.called();
                a.waitSum += h.meanWaitSeconds() * h.called();
            }
        }
        List<Slot> slots = new ArrayList<>();
        acc.forEach((day, hours) -> hours.forEach((hour, a) -> {
            int n = dayCount.get(day);
            if (a.arrivals > 0) {
                slots.add(new Slot(day, hour, n, (double) a.arrivals / n, a.served == 0 ? 0 : a.handlingSum / a.served,
                        a.called == 0 ? 0 : a.waitSum / a.called));
            }
        }));
        return new BusyIdleProfile(hallId, from, to, slots);
    }

    public static String csv(BusyIdleProfile p) {
        StringBuilder sb = new StringBuilder("hall,weekday,hour,days_observed,arrivals_per_hour,mean_handling_s,mean_wait_s\n");
        for (Slot s : p.slots()) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.1f,%.1f%n", p.hallId(), s.weekday(), s.hour(),
                    s.daysObserved(), s.arrivalsPerHour(), s.meanHandlingSeconds(), s.meanWaitSeconds()));
        }
        return sb.toString();
    }
}
