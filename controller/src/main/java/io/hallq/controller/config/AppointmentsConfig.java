package io.hallq.controller.config;

import java.time.Duration;
import java.util.List;

/**
 * Bookings (预约) and remote tickets (线上取号): the {@code appointments} section of the hall file. The rules are in
 * docs/appointments.md.
 *
 * @param enabled          bookings can be made and checked in
 * @param remoteTickets    a verified phone may join a service's queue from a distance
 * @param services         the services that take bookings and remote tickets (never a direct-queue service)
 * @param share            the share of the counters the advice expects in an hour that bookings may take (0..1);
 *                         the rest stays for walk-ins
 * @param slotLength       length of one booking slot; slots start on the hour and divide it
 * @param checkInBefore    how early before its slot a booking may check in at the dispenser
 * @param checkInAfter     how late after its slot starts a booking may still check in; after that it lapses
 * @param headStart        an appointment's rank is its slot time minus this (like a class's head start)
 * @param remoteHoldLimit  how long a remote ticket that has not checked in is kept after it was first passed over
 * @param bookAheadDays    how many days ahead a slot may be booked (0: today only)
 * @param maxPerPhonePerDay live bookings one phone may hold for one day
 */
public record AppointmentsConfig(boolean enabled, boolean remoteTickets, List<String> services, double share,
                                 Duration slotLength, Duration checkInBefore, Duration checkInAfter,
                                 Duration headStart, Duration remoteHoldLimit, int bookAheadDays,
                                 int maxPerPhonePerDay) {

    /** Longest head start an appointment may be given (like a class's: bounded, so nobody waits without bound). */
    public static final Duration MAX_HEAD_START = Duration.ofHours(2);

    /**
     * How long a remote ticket that has not checked in is kept after it was first passed over, by default: 45
     * minutes. With 30, a fifth of the remote customers who did come (25 minutes of travel on average) found their
     * ticket voided in the simulation; with 45 about one in fifteen, at no measurable cost to walk-ins
     * (docs/appointments-simulation.md).
     */
    public static final Duration DEFAULT_REMOTE_HOLD = Duration.ofMinutes(45);

    /** Off: no bookings, no remote tickets (the defaults of every other key apply once it is switched on). */
    public static final AppointmentsConfig OFF = new AppointmentsConfig(false, false, List.of(), 0.3,
            Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(10),
            DEFAULT_REMOTE_HOLD, 7, 1);

    public AppointmentsConfig {
        services = List.copyOf(services);
    }

    /** True when this service takes bookings and remote tickets. */
    public boolean takes(String service) {
        return services.contains(service);
    }

    public long slotMinutes() {
        return slotLength.toMinutes();
    }
}
