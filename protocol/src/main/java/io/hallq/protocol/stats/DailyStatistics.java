package io.hallq.protocol.stats;

import java.util.List;

/**
 * One business day of one hall, computed from its journal: what central systems receive once a day over MQTT
 * and what the CSV export holds.
 *
 * @param hallId       the hall's id
 * @param day          the business day (ISO date)
 * @param serviceHours per service and local hour of arrival, only hours with activity
 * @param counters     per counter that was open or served that day
 */
public record DailyStatistics(String hallId, String day, List<ServiceHour> serviceHours, List<CounterDay> counters) {

    public DailyStatistics {
        serviceHours = List.copyOf(serviceHours);
        counters = List.copyOf(counters);
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
    public record ServiceHour(String service, int hour, int arrivals, int called, double meanWaitSeconds,
                              double p90WaitSeconds, int served, double meanHandlingSeconds, int noShows,
                              int transfersOut, int ratings, double meanRating) {}

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
    public record CounterDay(int counter, int served, long openSeconds, long busySeconds, double utilisation,
                             double meanHandlingSeconds, int ratings, double meanRating) {}
}
