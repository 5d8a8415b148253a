package io.hallq.controller.queue;

import java.util.List;

/**
 * A day's bookings and slots, as a query answers them (immutable).
 *
 * @param bookings   every booking of the day, by slot then id (cancelled and lapsed ones included)
 * @param slots      every slot of every bookable service, by service then time (empty when appointments are off)
 * @param booked     bookings still live (booked, not yet checked in)
 * @param checkedIn  bookings checked in at the dispenser
 * @param cancelled  bookings cancelled
 * @param lapsed     bookings whose check-in window closed without a check-in
 * @param remoteDropped remote tickets of the day voided because they never checked in (within the hold limit)
 */
public record DayBookings(String day, List<Booking> bookings, List<BookingSlot> slots, int booked, int checkedIn,
                          int cancelled, int lapsed, int remoteDropped) {
    public DayBookings {
        bookings = List.copyOf(bookings);
        slots = List.copyOf(slots);
    }
}
