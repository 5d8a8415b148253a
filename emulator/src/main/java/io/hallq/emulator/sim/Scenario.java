package io.hallq.emulator.sim;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A day of hall traffic to simulate, read from a scenario file by {@link ScenarioReader}. Every simulated day
 * uses the same scenario; the date decides the weekday and month-start factors.
 *
 * @param arrivalsPerDay  expected tickets on an ordinary weekday (factor 1) before campaign extras
 * @param hourlyWeights   relative arrival intensity per opening hour (local hour); hours not listed get none
 * @param weekdayFactors  multiplies the day's arrivals; missing weekdays are 1
 * @param monthStartDays  the first this many days of a month get {@code monthStartFactor}
 * @param services        the service mix: share of arrivals and handling-time distribution
 * @param classes         the customer-class mix (shares, normalised)
 * @param noShowRate      share of customers absent when first called
 * @param noShowReturn    share of those who are back when called again (if the hall requeues no-shows)
 * @param transferRate    share of customers sent on to another service after their first one
 * @param transferTo      services a transfer goes to, chosen evenly
 * @param roster          shifts of the counters listed; counters not listed work opening hours when
 *                        {@code openAtStart}, else not at all
 * @param pausesPerShift  short breaks a counter takes per shift (at random times, after its current customer)
 * @param pauseLength     length of one break
 * @param campaigns       extra arrivals for one service in a time window
 * @param appointments    bookings and remote tickets drawn from the same customers ({@link Appointments#NONE}
 *                        when the scenario has none)
 */
public record Scenario(String name, String description, Path file, Path hallFile, LocalDate startDate,
                       double arrivalsPerDay, Map<Integer, Double> hourlyWeights,
                       Map<DayOfWeek, Double> weekdayFactors, int monthStartDays, double monthStartFactor,
                       Map<String, ServiceMix> services, Map<String, Double> classes, double noShowRate,
                       double noShowReturn, double transferRate, List<String> transferTo, List<Shift> roster,
                       int pausesPerShift, Duration pauseLength, List<Campaign> campaigns,
                       Appointments appointments) {

    /**
     * @param share    relative share of arrivals
     * @param handling mean handling time
     * @param cv       coefficient of variation of the (log-normal) handling time; 0 makes it constant
     */
    public record ServiceMix(double share, Duration handling, double cv) {}

    public record Shift(int counter, LocalTime from, LocalTime to) {}

    public record Campaign(String service, LocalTime from, LocalTime to, double extraPerHour) {}

    /**
     * Bookings (预约) and remote tickets (线上取号), taken from the customers the scenario draws anyway: a share
     * of each service's customers books a slot or joins the queue from the phone instead of walking in, so a run
     * with appointments and one without meet the same people.
     *
     * @param bookingShare      per service, the share of its customers who book the slot of the time they would
     *                          have come
     * @param bookingNoShow     share of all bookings nobody comes for (drawn on top of the customers who come)
     * @param arrivalOffset     mean arrival relative to the slot's start: negative is early
     * @param arrivalSpread     standard deviation of the arrival around that mean (normal)
     * @param remoteShare       per service, the share of its customers who join from the phone
     * @param checkInDelay      mean time from joining to checking in at the dispenser (log-normal)
     * @param checkInDelayCv    its coefficient of variation
     * @param remoteNoCheckIn   share of all remote tickets never checked in (drawn on top of those who come)
     */
    public record Appointments(Map<String, Double> bookingShare, double bookingNoShow, Duration arrivalOffset,
                               Duration arrivalSpread, Map<String, Double> remoteShare, Duration checkInDelay,
                               double checkInDelayCv, double remoteNoCheckIn) {

        public static final Appointments NONE = new Appointments(Map.of(), 0, Duration.ZERO, Duration.ZERO,
                Map.of(), Duration.ZERO, 0, 0);

        public Appointments {
            bookingShare = Map.copyOf(bookingShare);
            remoteShare = Map.copyOf(remoteShare);
        }

        /** True when some customers book or join remotely. */
        public boolean any() {
            return bookingShare.values().stream().anyMatch(v -> v > 0) || remoteShare.values().stream().anyMatch(v -> v > 0);
        }
    }

    /** Expected arrivals on a date, from the weekday and month-start factors. */
    public double arrivalsOn(LocalDate date) {
        double f = weekdayFactors.getOrDefault(date.getDayOfWeek(), 1.0);
        if (date.getDayOfMonth() <= monthStartDays) {
            f *= monthStartFactor;
        }
        return arrivalsPerDay * f;
    }
}
