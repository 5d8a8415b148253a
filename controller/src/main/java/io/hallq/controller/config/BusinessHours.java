package io.hallq.controller.config;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Opening hours, the daily rollover time of the business day and the busy periods that decide which
 * wait target applies (busy targets inside a busy period, the quiet target outside).
 *
 * @param dayRollover local time at which a new business day may start (between closing and opening)
 */
public record BusinessHours(LocalTime open, LocalTime close, LocalTime dayRollover, List<BusyPeriod> busyPeriods) {

    public BusinessHours {
        ConfigChecks.given(open, "BusinessHours", "open");
        ConfigChecks.given(close, "BusinessHours", "close");
        ConfigChecks.given(dayRollover, "BusinessHours", "dayRollover");
        busyPeriods = List.copyOf(ConfigChecks.given(busyPeriods, "BusinessHours", "busyPeriods"));
    }

    public boolean isBusy(LocalDateTime local) {
        for (BusyPeriod p : busyPeriods) { // a loop: called per waiting ticket on every tick (see HallConfig)
            if (p.contains(local)) {
                return true;
            }
        }
        return false;
    }

    /** A busy period: the given weekdays, from (inclusive) to (exclusive). */
    public record BusyPeriod(List<DayOfWeek> days, LocalTime from, LocalTime to) {
        public BusyPeriod {
            days = List.copyOf(ConfigChecks.given(days, "BusyPeriod", "days"));
            ConfigChecks.given(from, "BusyPeriod", "from");
            ConfigChecks.given(to, "BusyPeriod", "to");
        }

        public boolean contains(LocalDateTime local) {
            LocalTime t = local.toLocalTime();
            return days.contains(local.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
        }
    }
}
