package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import java.util.List;

/**
 * An input to the queue engine: a dispenser button, a counter key, a manager's action, an HTTP or MQTT
 * request, or the clock's tick. Every input becomes one of these and is handed to the single writer.
 */
public sealed interface Command {

    /**
     * A customer takes a ticket.
     *
     * @param customerClass the class from the phone number lookup, or null for the hall's default class
     * @param phoneMasked   the phone number as it may be shown ("138****1234"), or null; never the clear number
     * @param token         unguessable token for the mobile ticket page, made outside the engine, or null
     * @param paper         the dispenser prints it: the ticket counts as held only once {@link MarkPrinted} says
     *                      so, and is voided at the next start if that never came
     */
    record IssueTicket(String service, String customerClass, String phoneMasked, String token, boolean paper)
            implements Command {

        /** A ticket without paper (web, mobile, tests). */
        public IssueTicket(String service, String customerClass, String phoneMasked, String token) {
            this(service, customerClass, phoneMasked, token, false);
        }

        public static IssueTicket walkIn(String service) {
            return new IssueTicket(service, null, null, null);
        }
    }

    /** Finish the current ticket, if any, and call the next one this counter may take. */
    record CallNext(int counter) implements Command {}

    /** Call a given waiting ticket to this counter (finishing the current one, if any). */
    record CallTicket(int counter, String ticket) implements Command {}

    /** Call the current ticket again. */
    record Recall(int counter) implements Command {}

    /** The called customer did not come. */
    record NoShow(int counter) implements Command {}

    /** Send the current customer to another service. */
    record Transfer(int counter, String toService) implements Command {}

    /** The current customer has been served. */
    record Finish(int counter) implements Command {}

    /** Pause the counter (finishing the current ticket, if any). */
    record Pause(int counter) implements Command {}

    record Resume(int counter) implements Command {}

    /**
     * The keypad's one pause key: resume a paused counter, otherwise pause it. Decided by the engine on the
     * writer, so the state it looks at is the state it changes (no read-then-submit race).
     */
    record PauseOrResume(int counter) implements Command {}

    record OpenCounter(int counter) implements Command {}

    /** Close the counter (finishing the current ticket, if any). */
    record CloseCounter(int counter) implements Command {}

    /** Close the oldest waiting ticket of a direct-queue service: the customer was served at the window. */
    record ServeDirect(int counter, String service) implements Command {}

    /** Switch a service on or off; the messages tell customers why it is off. */
    record SetService(String service, boolean enabled, String messageZh, String messageEn) implements Command {}

    /**
     * Replace the counter's priority profile for the rest of the business day (the next day starts with the
     * configured one again). Each service may appear once; services and classes must be known.
     */
    record SetCounterProfile(int counter, List<ProfileEntry> profile) implements Command {
        public SetCounterProfile {
            profile = List.copyOf(profile);
        }
    }

    /** Take a ticket out of the queue, e.g. because its printing failed and nobody holds it. */
    record VoidTicket(String ticket, String reason) implements Command {}

    /** The printer took the whole paper ticket: journaled as TicketPrinted. */
    record MarkPrinted(String ticket) implements Command {}

    /**
     * Show a notice on the hall board until {@code until} (at most 24 h ahead), replacing any earlier one;
     * {@code until == null} withdraws the current notice. Journaled, so it survives a restart.
     */
    record PostNotice(String textZh, String textEn, java.time.Instant until) implements Command {}

    /**
     * {@code command} on behalf of {@code actor} ("web:alice", "mqtt:central"): the events of manager actions
     * (services, counters, profiles, notices) record who asked.
     */
    record By(String actor, Command command) implements Command {}

    /** The clock moved on: evaluate time-based alarms and the business day. */
    record Tick() implements Command {}

    /** The customer rated the ticket this counter served last (1 = unhappy, up to 4). */
    record RateService(int counter, int rating) implements Command {}

    /**
     * A device failed (printer out of paper, display unplugged): raises a DEVICE alarm "DEVICE:{device}".
     *
     * Raising it again with another cause or message replaces the active alarm (one alarm per device).
     *
     * @param device a short stable id, e.g. "printer" or "counter-display-3"
     * @param cause  what is wrong, for programs ("paper-out"; lower-case letters, digits, '-'), or null
     */
    record DeviceFault(String device, String messageZh, String messageEn, String cause) implements Command {

        /** A fault whose messages are all there is to it. */
        public DeviceFault(String device, String messageZh, String messageEn) {
            this(device, messageZh, messageEn, null);
        }
    }

    /** The device works again: clears its DEVICE alarm. */
    record DeviceRecovered(String device) implements Command {}

    /**
     * The notification module's record of a message (requested, sent, delivered, failed): journaled as given,
     * so a restart knows what was sent. It changes no queue state; {@code event} must be one of the four
     * Notification* events and never holds a clear phone number.
     */
    record RecordNotification(io.hallq.protocol.event.HallEvent event) implements Command {}

    /**
     * Book a slot for a service (预约). Accepted only while the slot has room (docs/appointments.md: bookings never
     * take more than the configured share of the counters the advice expects), the slot is ahead and within
     * {@code appointments.bookAheadDays}, and the phone holds fewer than {@code maxPerPhonePerDay} live bookings
     * that day. The engine numbers the booking ("B000123"). The phone number never comes in clear.
     *
     * @param slot        the start of the slot (on the slot grid of the hall's local time)
     * @param phoneMasked the number as it may be shown ("138****1234")
     * @param phoneHash   the keyed hash of the number ({@code PhoneHasher}): 64 lower-case hex digits
     * @param token       an unguessable key for the customer's booking page, made outside the engine, or null
     * @param channel     where it was booked: "web", "mqtt", "staff" (letters, digits, '-')
     */
    record Book(String service, java.time.Instant slot, String phoneMasked, String phoneHash, String token,
                String channel) implements Command {}

    /**
     * Cancel a live booking (not yet checked in, not lapsed).
     *
     * @param phoneHash when given, the booking must be this phone's (a customer cancelling their own); null for the
     *                  hall or central (wrap it in {@link By} to record who)
     * @param reason    why, for the journal ("customer", "hall closed early"); null gives "cancelled"
     */
    record CancelBooking(String booking, String phoneHash, String reason) implements Command {}

    /**
     * A customer who typed their phone number at the dispenser (or the kiosk) checks in. The engine, on the writer,
     * decides what that means (docs/appointments.md):
     * <ol>
     *   <li>the phone's remote ticket that has not checked in yet is checked in ({@code TicketCheckedIn});</li>
     *   <li>otherwise the phone's booking of today whose check-in window is open becomes an appointment ticket
     *       ({@code TicketIssued} with origin APPOINTMENT, marked 预约 / Appointment on paper);</li>
     *   <li>otherwise, with {@code walkInOtherwise}, a walk-in ticket for {@code service} is issued as by
     *       {@link IssueTicket}; without it the check-in is rejected with the reason (too early, lapsed, none).</li>
     * </ol>
     * A remote ticket or booking for {@code service} is preferred; with none for it, the phone's only one for
     * another service is taken (the customer came for it and pressed another button).
     *
     * @param service       the button pressed, or null at a kiosk's check-in (then {@code walkInOtherwise} is false)
     * @param customerClass the class from the phone lookup, for a walk-in ticket, or null
     * @param token         a fresh token for the ticket's paper and mobile page (made outside the engine)
     * @param paper         the dispenser prints it (as {@link IssueTicket#paper()})
     */
    record CheckIn(String service, String customerClass, String phoneMasked, String phoneHash, String token,
                   boolean paper, boolean walkInOtherwise) implements Command {}

    /**
     * A verified phone joins a service's queue from a distance (线上取号): a REMOTE ticket that waits like any other
     * but is passed over until it checks in at the dispenser ({@link CheckIn}). One live remote ticket per phone per
     * hall: a second is rejected ({@code RejectReason.REMOTE_TICKET_HELD}).
     *
     * @param token the mobile ticket page's token (made outside the engine)
     */
    record JoinRemote(String service, String customerClass, String phoneMasked, String phoneHash, String token)
            implements Command {}

    /**
     * The counters the staffing advice expects per weekday and hour: the base of slot capacity. Journaled only when
     * it differs from the plan in force.
     *
     * @param source how it was made ("erlang-c", "roster")
     */
    record PlanBookingCapacity(List<io.hallq.protocol.event.HallEvent.PlannedHour> hours, String source)
            implements Command {
        public PlanBookingCapacity {
            hours = List.copyOf(hours);
        }
    }
}
