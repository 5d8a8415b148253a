package io.hallq.protocol.stats;

import io.hallq.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One business day of one hall, computed from its journal: what central systems receive over MQTT (the day so far
 * on {@code stats}, each closed day once on {@code stats/daily}) and what the CSV export holds. Decoding checks every
 * field and names the one that is missing or out of range.
 *
 * @param hallId       the hall's id
 * @param day          the business day (ISO date)
 * @param serviceHours per service and local hour of arrival, only hours with activity
 * @param counters     per counter that was open or served that day
 * @param appointments bookings and remote tickets of the day, or null (absent) when there were none
 */
public record DailyStatistics(@JsonProperty(required = true) String hallId,
                              @JsonProperty(required = true) String day,
                              @JsonProperty(required = true) List<ServiceHour> serviceHours,
                              @JsonProperty(required = true) List<CounterDay> counters,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              AppointmentsDay appointments) {

    public DailyStatistics {
        Fields.text("hallId", hallId);
        Fields.text("day", day);
        serviceHours = List.copyOf(Fields.present("serviceHours", serviceHours));
        counters = List.copyOf(Fields.present("counters", counters));
    }

    /** A day without bookings or remote tickets ({@code appointments} absent). */
    public DailyStatistics(String hallId, String day, List<ServiceHour> serviceHours, List<CounterDay> counters) {
        this(hallId, day, serviceHours, counters, null);
    }

    /**
     * Bookings and remote tickets over the day, by the day each thing happened; absent on a day with none.
     *
     * @param bookingsMade    bookings made that day (for any day)
     * @param cancelled       bookings cancelled that day
     * @param checkedIn       bookings checked in at the dispenser (appointment tickets issued)
     * @param lapsed          bookings whose check-in window closed without a check-in
     * @param remoteJoined    remote tickets taken from a phone
     * @param remoteCheckedIn remote tickets checked in at the dispenser
     * @param remoteDropped   remote tickets voided because they never checked in within the hold limit
     */
    public record AppointmentsDay(int bookingsMade, int cancelled, int checkedIn, int lapsed, int remoteJoined,
                                  int remoteCheckedIn, int remoteDropped) {
        public AppointmentsDay {
            Fields.notNegative("bookingsMade", bookingsMade);
            Fields.notNegative("cancelled", cancelled);
            Fields.notNegative("checkedIn", checkedIn);
            Fields.notNegative("lapsed", lapsed);
            Fields.notNegative("remoteJoined", remoteJoined);
            Fields.notNegative("remoteCheckedIn", remoteCheckedIn);
            Fields.notNegative("remoteDropped", remoteDropped);
        }
    }

    /**
     * One service in one local hour. Arrivals and waits count by the hour the ticket was issued; handling times by
     * the hour the customer was called.
     *
     * @param arrivals            tickets issued
     * @param called              tickets called at least once (they have a wait)
     * @param meanWaitSeconds     issue to first call, mean over {@code called}; 0 when none
     * @param p90WaitSeconds      90th percentile of the same (nearest rank); 0 when none
     * @param served              customers whose service finished
     * @param meanHandlingSeconds call to finish, mean over {@code served}; 0 when none
     * @param noShows             no-show events (a requeued ticket can count twice)
     * @param transfersOut        customers sent from this service to another
     * @param ratings             satisfaction ratings given for customers served (by the hour of their call)
     * @param meanRating          mean of those ratings (1 = unhappy); 0 when none
     */
    public record ServiceHour(@JsonProperty(required = true) String service,
                              @JsonProperty(required = true) int hour,
                              @JsonProperty(required = true) int arrivals,
                              @JsonProperty(required = true) int called,
                              @JsonProperty(required = true) double meanWaitSeconds,
                              @JsonProperty(required = true) double p90WaitSeconds,
                              @JsonProperty(required = true) int served,
                              @JsonProperty(required = true) double meanHandlingSeconds,
                              @JsonProperty(required = true) int noShows,
                              @JsonProperty(required = true) int transfersOut,
                              @JsonProperty(required = true) int ratings,
                              @JsonProperty(required = true) double meanRating) {
        public ServiceHour {
            Fields.text("service", service);
            Fields.range("hour", hour, 0, 23);
            Fields.notNegative("arrivals", arrivals);
            Fields.notNegative("called", called);
            Fields.notNegative("meanWaitSeconds", meanWaitSeconds);
            Fields.notNegative("p90WaitSeconds", p90WaitSeconds);
            Fields.notNegative("served", served);
            Fields.notNegative("meanHandlingSeconds", meanHandlingSeconds);
            Fields.notNegative("noShows", noShows);
            Fields.notNegative("transfersOut", transfersOut);
            Fields.notNegative("ratings", ratings);
            Fields.notNegative("meanRating", meanRating);
        }
    }

    /**
     * One counter over the day.
     *
     * @param served              customers finished here (transfers and no-shows not counted)
     * @param openSeconds         time open (not paused, not closed)
     * @param busySeconds         time with a called customer
     * @param utilisation         busy / open, 0 when never open
     * @param meanHandlingSeconds mean of the served customers' handling times; 0 when none
     * @param ratings             satisfaction ratings given at this counter
     * @param meanRating          their mean; 0 when none
     */
    public record CounterDay(@JsonProperty(required = true) int counter,
                             @JsonProperty(required = true) int served,
                             @JsonProperty(required = true) long openSeconds,
                             @JsonProperty(required = true) long busySeconds,
                             @JsonProperty(required = true) double utilisation,
                             @JsonProperty(required = true) double meanHandlingSeconds,
                             @JsonProperty(required = true) int ratings,
                             @JsonProperty(required = true) double meanRating) {
        public CounterDay {
            Fields.range("counter", counter, 1, Integer.MAX_VALUE);
            Fields.notNegative("served", served);
            Fields.notNegative("openSeconds", openSeconds);
            Fields.notNegative("busySeconds", busySeconds);
            Fields.notNegative("utilisation", utilisation);
            Fields.notNegative("meanHandlingSeconds", meanHandlingSeconds);
            Fields.notNegative("ratings", ratings);
            Fields.notNegative("meanRating", meanRating);
        }
    }
}
