package io.hallq.emulator.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * One customer of a simulated day who came to the hall, however they came, and when a counter first called them.
 * A run with appointments and the same run without them have one visit per customer each, matched by day and
 * {@link #customer()}; bookings nobody came for and remote tickets never checked in are not visits (they are
 * counted in {@link AppointmentSummary.Counts}).
 *
 * @param customer      {@link Customer#id()} within the day
 * @param kind          how the customer came
 * @param arrived       when the customer took the ticket or checked in at the dispenser (in the hall)
 * @param slot          the booked slot's start ({@link Kind#BOOKED} and {@link Kind#LAPSED}), else null
 * @param joined        when the remote ticket was taken on the phone ({@link Kind#REMOTE}), else null
 * @param targetSeconds the class's wait target when the customer arrived (busy or quiet)
 * @param firstCall     the first call, or null when nobody called the customer
 */
public record Visit(String day, int customer, Kind kind, String service, String customerClass, Instant arrived,
                    Instant slot, Instant joined, long targetSeconds, Instant firstCall) {

    public enum Kind {
        /** Took a ticket at the dispenser (the only kind in a run without appointments). */
        WALK_IN,
        /** Booked a slot and checked in within its window: an appointment ticket. */
        BOOKED,
        /** Booked, but came after the check-in window: the booking lapsed and the customer took a walk-in ticket. */
        LAPSED,
        /** Joined from the phone and checked in at the dispenser. */
        REMOTE,
        /**
         * Joined from the phone, but the hall voided the remote ticket (passed over and not checked in within its
         * hold limit) before the customer came: a walk-in ticket instead.
         */
        REMOTE_VOIDED
    }

    public boolean called() {
        return firstCall != null;
    }

    /** Arrival in the hall (ticket or check-in) to the first call, in seconds; -1 when never called. */
    public long waitSeconds() {
        return called() ? Duration.between(arrived, firstCall).toSeconds() : -1;
    }

    public boolean overTarget() {
        return called() && waitSeconds() > targetSeconds;
    }

    /**
     * An appointment's wait after its slot time: the first call less the later of the slot's start and the
     * check-in (a customer who comes late waits from coming), and 0 when called before the slot; -1 when never
     * called or not an appointment.
     */
    public long waitAfterSlotSeconds() {
        if (kind != Kind.BOOKED || !called()) {
            return -1;
        }
        Instant from = slot.isAfter(arrived) ? slot : arrived;
        return Math.max(0, Duration.between(from, firstCall).toSeconds());
    }

    Visit calledAt(Instant at) {
        return new Visit(day, customer, kind, service, customerClass, arrived, slot, joined, targetSeconds, at);
    }
}
