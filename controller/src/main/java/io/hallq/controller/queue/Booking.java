package io.hallq.controller.queue;

import java.time.Instant;

/**
 * A booking (预约) as the engine holds it: an immutable record, safe to hand out of a query. It holds the phone's
 * keyed hash and the booking page's token, which stay in the hall process: pages and MQTT must not show them.
 *
 * @param id           "B000123", unique in the hall
 * @param day          the business day of the slot ("2026-12-07")
 * @param slot         the slot's start
 * @param slotEnd      the slot's end
 * @param checkInFrom  the check-in window opens (slot minus {@code appointments.checkInBefore})
 * @param checkInUntil the window closes (slot plus {@code appointments.checkInAfter}); after it the booking lapses
 * @param phoneMasked  "138****1234"
 * @param phoneHash    the keyed hash of the number (matches the check-in)
 * @param token        the key of the customer's booking page, or null
 * @param channel      "web", "mqtt", "staff"
 * @param by           who booked on the customer's behalf, or null
 * @param madeAt       when it was booked
 * @param status       where it stands
 * @param ticket       the appointment ticket once checked in, else null
 * @param closedAt     when it was checked in, cancelled or lapsed, else null
 * @param reason       why it was cancelled, else null
 */
public record Booking(String id, String service, String day, Instant slot, Instant slotEnd, Instant checkInFrom,
                      Instant checkInUntil, String phoneMasked, String phoneHash, String token, String channel,
                      String by, Instant madeAt, Status status, String ticket, Instant closedAt, String reason) {

    /** Where a booking stands. Only BOOKED is live: it holds its place in the slot and can check in. */
    public enum Status { BOOKED, CHECKED_IN, CANCELLED, LAPSED }

    /** Booked and neither checked in, cancelled nor lapsed. */
    public boolean live() {
        return status == Status.BOOKED;
    }

    /** It takes room in its slot: booked or checked in (a cancelled or lapsed booking gives its room back). */
    public boolean holdsRoom() {
        return status == Status.BOOKED || status == Status.CHECKED_IN;
    }

    /** True when {@code now} is inside the check-in window. */
    public boolean checkInOpen(Instant now) {
        return !now.isBefore(checkInFrom) && now.isBefore(checkInUntil);
    }

    Booking closed(Status newStatus, Instant at, String ticketNumber, String why) {
        return new Booking(id, service, day, slot, slotEnd, checkInFrom, checkInUntil, phoneMasked, phoneHash, token,
                channel, by, madeAt, newStatus, ticketNumber, at, why);
    }
}
