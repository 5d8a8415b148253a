package io.hallq.protocol.stats;

import io.hallq.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.util.List;

/**
 * The busy/idle archive (忙闲时档案): mean arrivals and handling time per weekday and local hour over recent weeks,
 * the input of the staffing advice.
 *
 * @param hallId   the hall's id
 * @param fromDay  first business day included (ISO date); null when no day was included
 * @param toDay    last business day included; null when no day was included
 * @param slots    weekday and hour slots with at least one arrival, by weekday then hour
 */
public record BusyIdleProfile(@JsonProperty(required = true) String hallId, String fromDay, String toDay,
                              @JsonProperty(required = true) List<Slot> slots) {

    public BusyIdleProfile {
        Fields.text("hallId", hallId);
        slots = List.copyOf(Fields.present("slots", slots));
    }

    /**
     * @param daysObserved        how many days of this weekday the archive holds
     * @param arrivalsPerHour     mean tickets issued in this hour over those days
     * @param meanHandlingSeconds mean handling time of customers called in this hour (all services)
     * @param meanWaitSeconds     mean wait of customers who arrived in this hour
     */
    public record Slot(@JsonProperty(required = true) DayOfWeek weekday,
                       @JsonProperty(required = true) int hour,
                       @JsonProperty(required = true) int daysObserved,
                       @JsonProperty(required = true) double arrivalsPerHour,
                       @JsonProperty(required = true) double meanHandlingSeconds,
                       @JsonProperty(required = true) double meanWaitSeconds) {
        public Slot {
            Fields.present("weekday", weekday);
            Fields.range("hour", hour, 0, 23);
            Fields.range("daysObserved", daysObserved, 1, Integer.MAX_VALUE);
            Fields.notNegative("arrivalsPerHour", arrivalsPerHour);
            Fields.notNegative("meanHandlingSeconds", meanHandlingSeconds);
            Fields.notNegative("meanWaitSeconds", meanWaitSeconds);
        }
    }
}
