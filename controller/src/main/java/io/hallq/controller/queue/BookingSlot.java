package io.hallq.controller.queue;

import java.time.Instant;

/**
 * One booking slot of one service, as a query answers it (an immutable record).
 *
 * <p>Slots share one budget of counter time: {@code counters × appointments.share × slot length}, where counters are
 * what the staffing advice expects in that hour ({@code BookingCapacityPlanned}; the hall's roster while there is
 * no plan). A booking uses its service's mean handling time of it. {@code capacity} is how many bookings of this
 * service alone the budget holds; {@code left} how many more fit beside every booking already made in the slot (of
 * any service), so {@code left} can be less than {@code capacity - booked}.
 *
 * @param counters counters the advice expects in the slot's hour
 * @param booked   bookings of this service holding room in the slot (booked or checked in)
 */
public record BookingSlot(String service, Instant start, Instant end, int counters, int capacity, int booked,
                          int left) {

    /** True when one more booking of this service fits. */
    public boolean open() {
        return left > 0;
    }
}
