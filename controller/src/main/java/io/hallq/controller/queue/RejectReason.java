package io.hallq.controller.queue;

/** Why a command changed nothing. */
public enum RejectReason {
    UNKNOWN_SERVICE,
    UNKNOWN_CLASS,
    UNKNOWN_COUNTER,
    UNKNOWN_TICKET,
    SERVICE_DISABLED,
    NUMBERS_EXHAUSTED,
    COUNTER_CLOSED,
    COUNTER_PAUSED,
    ALREADY_IN_STATE,
    NO_CURRENT_TICKET,
    NOBODY_WAITING,
    TICKET_NOT_WAITING,
    RECALL_LIMIT,
    SAME_SERVICE,
    NOT_DIRECT_QUEUE,
    DIRECT_QUEUE_NOT_CALLED,
    NOTHING_TO_RATE,
    INVALID,
    /** Bookings or remote tickets are off in this hall, or not taken for this service. */
    APPOINTMENTS_OFF,
    /** The slot is not on the slot grid, in the past, outside the opening hours or too far ahead. */
    SLOT_NOT_BOOKABLE,
    /** The slot has no room left for this service (the rest of the counters stay for walk-ins). */
    SLOT_FULL,
    /** The phone already holds as many live bookings for that day as allowed. */
    BOOKING_LIMIT,
    UNKNOWN_BOOKING,
    /** The booking was checked in, cancelled or lapsed already; or it is not this phone's. */
    BOOKING_NOT_LIVE,
    /** No booking or remote ticket of this phone can check in now. */
    NOTHING_TO_CHECK_IN,
    /** The booking's check-in window has not opened yet. */
    CHECK_IN_TOO_EARLY,
    /** The phone already holds a live remote ticket in this hall. */
    REMOTE_TICKET_HELD,
    /** A remote ticket that has not checked in at the dispenser cannot be called. */
    NOT_CHECKED_IN,
    /**
     * The writer's queue is full: the command was not looked at. Nothing changed; try again shortly (HTTP 503,
     * an MQTT reason code). The queue is bounded so that a flood cannot grow memory without limit.
     */
    OVERLOADED
}
