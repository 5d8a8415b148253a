package io.hallq.protocol.stats;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The busy/idle archive (忙闲时档案): mean arrivals and handling time per weekday and local hour over recent weeks,
 * the input of the staffing advice.
 *
 * @param hallId   the hall's id
 * @param fromDay  first business day included (ISO date)
 * @param toDay    last business day included
 * @param slots    weekday and hour slots with at least one arrival, by weekday then hour
 */
public record BusyIdleProfile(String hallId, String fromDay, String toDay, List<Slot> slots) {

    public BusyIdleProfile {
        slots = List.copyOf(slots);
    }

    /**
     * @param daysObserved        how many days of this weekday the archive holds
     * @param arrivalsPerHour     mean tickets issued in this hour over those days
     * @param meanHandlingSeconds mean handling time of customers called in this hour (all services)
     * @param meanWaitSeconds     mean wait of customers who arrived in this hour
     */
    public record Slot(DayOfWeek weekday, int hour, int daysObserved, double arrivalsPerHour,
                       double meanHandlingSeconds, double meanWaitSeconds) {}
}
