package io.hallq.protocol.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that happens in a hall, as journaled by the controller and published on the event stream.
 * Events are facts: a consumer rebuilds the queue by applying them in sequence order. Ticket numbers
 * ("A012") are unique within the business day opened by the latest {@link DayStarted}.
 *
 * <p>Times are the controller's effective clock, which never runs backwards (see docs/architecture.md).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HallEvent.DayStarted.class, name = "DayStarted"),
        @JsonSubTypes.Type(value = HallEvent.TicketIssued.class, name = "TicketIssued"),
        @JsonSubTypes.Type(value = HallEvent.TicketCalled.class, name = "TicketCalled"),
        @JsonSubTypes.Type(value = HallEvent.TicketRecalled.class, name = "TicketRecalled"),
        @JsonSubTypes.Type(value = HallEvent.TicketNoShow.class, name = "TicketNoShow"),
        @JsonSubTypes.Type(value = HallEvent.TicketServed.class, name = "TicketServed"),
        @JsonSubTypes.Type(value = HallEvent.TicketTransferred.class, name = "TicketTransferred"),
        @JsonSubTypes.Type(value = HallEvent.TicketVoided.class, name = "TicketVoided"),
        @JsonSubTypes.Type(value = HallEvent.TicketPrinted.class, name = "TicketPrinted"),
        @JsonSubTypes.Type(value = HallEvent.CounterChanged.class, name = "CounterChanged"),
        @JsonSubTypes.Type(value = HallEvent.CounterProfileChanged.class, name = "CounterProfileChanged"),
        @JsonSubTypes.Type(value = HallEvent.ServiceChanged.class, name = "ServiceChanged"),
        @JsonSubTypes.Type(value = HallEvent.AlarmRaised.class, name = "AlarmRaised"),
        @JsonSubTypes.Type(value = HallEvent.AlarmCleared.class, name = "AlarmCleared"),
        @JsonSubTypes.Type(value = HallEvent.ServiceRated.class, name = "ServiceRated"),
        @JsonSubTypes.Type(value = HallEvent.NoticePosted.class, name = "NoticePosted"),
        @JsonSubTypes.Type(value = HallEvent.NotificationRequested.class, name = "NotificationRequested"),
        @JsonSubTypes.Type(value = HallEvent.NotificationSent.class, name = "NotificationSent"),
        @JsonSubTypes.Type(value = HallEvent.NotificationDelivered.class, name = "NotificationDelivered"),
        @JsonSubTypes.Type(value = HallEvent.NotificationFailed.class, name = "NotificationFailed"),
        @JsonSubTypes.Type(value = HallEvent.BookingMade.class, name = "BookingMade"),
        @JsonSubTypes.Type(value = HallEvent.BookingCancelled.class, name = "BookingCancelled"),
        @JsonSubTypes.Type(value = HallEvent.BookingLapsed.class, name = "BookingLapsed"),
        @JsonSubTypes.Type(value = HallEvent.TicketCheckedIn.class, name = "TicketCheckedIn"),
        @JsonSubTypes.Type(value = HallEvent.TicketPassedOver.class, name = "TicketPassedOver"),
        @JsonSubTypes.Type(value = HallEvent.BookingCapacityPlanned.class, name = "BookingCapacityPlanned")
})
public sealed interface HallEvent {

    /** When it happened (effective hall clock). */
    Instant at();

    /** A business day began: ticket numbers restart, counters take their opening state, alarms clear. */
    record DayStarted(Instant at, String day) implements HallEvent {}

    /**
     * A ticket was issued.
     *
     * @param rank          the queue rank: tickets with an earlier rank go first (arrival minus class head start)
     * @param peopleAhead   customers who will be served before this one by the counters that serve it
     * @param estimatedWaitSeconds the estimated wait, or -1 when no counter can serve it today
     * @param vipRoom       the customer is asked to go to the VIP room
     * @param phoneMasked   the phone number as it may be shown ("138****1234"), or null
     * @param token         the unguessable token of the mobile ticket page, or null
     * @param paper         a paper ticket is to be printed for it: it waits for {@link TicketPrinted}, and is
     *                      voided at the next start if that never came (nobody holds it)
     * @param origin        how it came: null (absent on the wire) for a walk-in; {@link TicketOrigin#APPOINTMENT}
     *                      for a booking checked in at the dispenser, {@link TicketOrigin#REMOTE} for a ticket taken
     *                      from a phone (it must check in at the dispenser, {@link TicketCheckedIn}, before a counter
     *                      calls it)
     * @param booking       the booking an APPOINTMENT ticket redeems ({@link BookingMade#booking()}), else null
     * @param phoneHash     a REMOTE ticket's keyed phone hash (one live remote ticket per phone; the check-in
     *                      matches it), else null; it stays in the hall ({@link WireEvents#SECRET})
     */
    record TicketIssued(Instant at, String ticket, String service, String customerClass, Instant rank,
                        int peopleAhead, long estimatedWaitSeconds, boolean vipRoom, boolean directQueue,
                        String phoneMasked, String token,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean paper,
                        @JsonInclude(JsonInclude.Include.NON_NULL) TicketOrigin origin,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String booking,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String phoneHash) implements HallEvent {

        /** A walk-in ticket (origin, booking and phone hash absent). */
        public TicketIssued(Instant at, String ticket, String service, String customerClass, Instant rank,
                            int peopleAhead, long estimatedWaitSeconds, boolean vipRoom, boolean directQueue,
                            String phoneMasked, String token, boolean paper) {
            this(at, ticket, service, customerClass, rank, peopleAhead, estimatedWaitSeconds, vipRoom, directQueue,
                    phoneMasked, token, paper, null, null, null);
        }

        /** How the ticket came: {@link TicketOrigin#WALK_IN} when the event does not say (journals before #15). */
        public TicketOrigin originOrWalkIn() {
            return origin == null ? TicketOrigin.WALK_IN : origin;
        }

        /** A ticket without paper (web, mobile, tests). */
        public TicketIssued(Instant at, String ticket, String service, String customerClass, Instant rank,
                            int peopleAhead, long estimatedWaitSeconds, boolean vipRoom, boolean directQueue,
                            String phoneMasked, String token) {
            this(at, ticket, service, customerClass, rank, peopleAhead, estimatedWaitSeconds, vipRoom, directQueue,
                    phoneMasked, token, false);
        }
    }

    /** The printer took the whole paper ticket (the cut included): a customer holds it. */
    record TicketPrinted(Instant at, String ticket) implements HallEvent {}

    /** A counter called a waiting ticket. */
    record TicketCalled(Instant at, String ticket, int counter) implements HallEvent {}

    /** The counter called its current ticket again; {@code count} is 1 for the first recall. */
    record TicketRecalled(Instant at, String ticket, int counter, int count) implements HallEvent {}

    /** The customer did not come; {@code requeued} tickets wait again at their old rank. */
    record TicketNoShow(Instant at, String ticket, int counter, boolean requeued) implements HallEvent {}

    /**
     * Service finished. {@code handlingSeconds} runs from the call; it is -1 for a direct-queue ticket,
     * which the window closes without calling it.
     */
    record TicketServed(Instant at, String ticket, int counter, long handlingSeconds) implements HallEvent {}

    /** The counter sent its current customer to another service; the ticket waits again with {@code rank}. */
    record TicketTransferred(Instant at, String ticket, int counter, String fromService, String toService,
                             Instant rank) implements HallEvent {}

    /** A ticket left the queue without service: printing failed, or the day closed with it still waiting. */
    record TicketVoided(Instant at, String ticket, String reason) implements HallEvent {}

    /**
     * A counter changed state.
     *
     * @param by who changed it ("web:alice", "mqtt:central"), or null for the counter's own keypad and the day
     */
    record CounterChanged(Instant at, int counter, CounterStatus status, String by) implements HallEvent {
        public CounterChanged(Instant at, int counter, CounterStatus status) {
            this(at, counter, status, null);
        }
    }

    /**
     * A manager changed which tickets a counter takes. The new profile replaces the configured one until
     * the next business day starts (when every counter takes its configured profile again).
     */
    record CounterProfileChanged(Instant at, int counter, List<ProfileLine> profile, String by)
            implements HallEvent {
        public CounterProfileChanged {
            profile = List.copyOf(profile);
        }

        public CounterProfileChanged(Instant at, int counter, List<ProfileLine> profile) {
            this(at, counter, profile, null);
        }
    }

    /**
     * One line of a counter's priority profile.
     *
     * @param classes       class codes taken for the service; empty means every class
     * @param weightSeconds extra head start the counter gives the service
     */
    record ProfileLine(String service, List<String> classes, long weightSeconds) {
        public ProfileLine {
            classes = classes == null ? List.of() : List.copyOf(classes); // absent: every class
        }
    }

    /**
     * A service was switched on or off; the messages tell customers why.
     *
     * @param by who switched it ("web:alice", "mqtt:central"), or null for the configuration and the day
     */
    record ServiceChanged(Instant at, String service, boolean enabled, String messageZh, String messageEn,
                          String by) implements HallEvent {
        public ServiceChanged(Instant at, String service, boolean enabled, String messageZh, String messageEn) {
            this(at, service, enabled, messageZh, messageEn, null);
        }
    }

    /**
     * An alarm became active.
     *
     * @param alarmId  stable while active, e.g. "EARLY_WARNING" or "TICKET_OVERDUE:A012"
     * @param figures  the numbers behind it (waiting, openCounters, countersToOpen, waitedSeconds, ...)
     * @param cause    what went wrong, for programs: a short code that stays the same when the messages are
     *                 reworded (e.g. "paper-out" for "DEVICE:printer"); raising the same alarm id with another
     *                 cause replaces the active alarm. Null for alarms with a single meaning and for alarms
     *                 journaled before the field existed (their messages are all there is).
     */
    record AlarmRaised(Instant at, String alarmId, AlarmKind kind, String messageZh, String messageEn,
                       Map<String, Long> figures, String cause) implements HallEvent {
        public AlarmRaised {
            figures = Map.copyOf(figures);
        }

        /** An alarm without a cause code. */
        public AlarmRaised(Instant at, String alarmId, AlarmKind kind, String messageZh, String messageEn,
                           Map<String, Long> figures) {
            this(at, alarmId, kind, messageZh, messageEn, figures, null);
        }
    }

    /** An alarm is no longer active. */
    record AlarmCleared(Instant at, String alarmId) implements HallEvent {}

    /**
     * The customer rated the service just finished at a counter on its satisfaction keys (评价器).
     *
     * @param rating 1 (unhappy) up to the number of keys fitted (3 or 4)
     */
    record ServiceRated(Instant at, String ticket, int counter, int rating) implements HallEvent {}

    /**
     * A notice for the hall board, broadcast by central or the manager. It replaces any earlier one and is shown
     * until {@code until}; a notice with an {@code until} at or before {@code at} withdraws the current one.
     *
     * @param by who posted it ("mqtt:central", "web:alice")
     */
    record NoticePosted(Instant at, String textZh, String textEn, Instant until, String by) implements HallEvent {}

    /**
     * A message to a customer or a staff member (an SMS) is to be sent. Journaled before it goes out: after a
     * restart it is sent unless a {@link NotificationSent} or a final {@link NotificationFailed} follows it.
     * It never holds a clear phone number: the notification module keeps those apart, encrypted.
     *
     * @param id       unique in the hall ("2026-11-23/A012/ahead"): a second request with the same id is a repeat
     * @param channel  how it is sent ("sms")
     * @param audience who reads it
     * @param to       a masked number ("138****1234") for a customer, the contact id for staff
     * @param purpose  why: "reminder-ahead", "reminder-overdue", "staff-alert", "stock-warning"
     * @param ticket   the ticket it is about, or null
     * @param alarmId  the alarm a staff alert is about, or null
     * @param tier     the escalation tier of a staff alert (0: the on-duty manager); 0 for customers
     * @param language the language of {@code text} ("zh", "en")
     */
    record NotificationRequested(Instant at, String id, String channel, Audience audience, String to,
                                 String purpose, String ticket, String alarmId, int tier, String language,
                                 String text) implements HallEvent {}

    /** The SMS centre accepted the message; one id per part of a long message. */
    record NotificationSent(Instant at, String id, List<String> messageIds) implements HallEvent {
        public NotificationSent {
            messageIds = List.copyOf(messageIds);
        }
    }

    /** A delivery receipt said a part reached the phone. */
    record NotificationDelivered(Instant at, String id, String messageId) implements HallEvent {}

    /**
     * Sending failed; with {@code retrying} it is tried again later, otherwise it was given up (expired,
     * rejected for good, or the business day ended).
     */
    record NotificationFailed(Instant at, String id, String reason, boolean retrying) implements HallEvent {}

    /**
     * A customer booked a slot for a service (预约). The phone number is never in clear here: {@code phoneMasked} is
     * for display, {@code phoneHash} is a keyed hash (HMAC-SHA256 under the hall's own key) that the dispenser's
     * check-in matches; it stays in the hall (emptied on the wire, {@link WireEvents#SECRET}), like {@code token}.
     *
     * @param booking     the booking's id, unique in the hall ("B000123")
     * @param slot        the start of the booked slot; it lasts {@code slotMinutes}
     * @param token       an unguessable key of the customer's booking page, or null; never leaves the hall
     * @param channel     where it was booked: "web", "mqtt", "staff"
     * @param by          who booked it on the customer's behalf ("mqtt:central", "web:alice"), or null
     */
    record BookingMade(Instant at, String booking, String service, Instant slot, int slotMinutes,
                       String phoneMasked, String phoneHash, String token, String channel, String by)
            implements HallEvent {}

    /** A booking was cancelled by its customer, the hall or central; its place in the slot is free again. */
    record BookingCancelled(Instant at, String booking, String reason, String by) implements HallEvent {}

    /**
     * The booking's check-in window closed without a check-in: the booking is void (counted in the day's
     * statistics); the customer takes a walk-in ticket.
     */
    record BookingLapsed(Instant at, String booking) implements HallEvent {}

    /**
     * A {@link TicketOrigin#REMOTE} ticket was checked in at the dispenser: from now on counters may call it. It keeps
     * its place (rank). The figures are the ones printed on its paper ticket.
     *
     * @param token the dispenser's key for printing this check-in, or null; never leaves the hall
     */
    record TicketCheckedIn(Instant at, String ticket, int peopleAhead, long estimatedWaitSeconds, String token)
            implements HallEvent {}

    /**
     * A counter would have called this remote ticket, but it has not checked in yet: it was passed over and keeps
     * its place until the hall's remote hold limit runs out (then it is voided). Journaled the first time only.
     */
    record TicketPassedOver(Instant at, String ticket, int counter) implements HallEvent {}

    /**
     * How many counters the staffing advice expects for each hour of each weekday: the base of the booking
     * capacity (docs/appointments.md). Replaces any earlier plan.
     *
     * @param source how the figures were made ("erlang-c", "roster")
     */
    record BookingCapacityPlanned(Instant at, List<PlannedHour> hours, String source) implements HallEvent {
        public BookingCapacityPlanned {
            hours = List.copyOf(hours);
        }
    }

    /**
     * Counters expected in one hour.
     *
     * @param weekday 1 (Monday) to 7 (Sunday), as {@link java.time.DayOfWeek#getValue()}
     * @param hour    0 to 23, local time of the hall
     */
    record PlannedHour(int weekday, int hour, int counters) {}

    /** How a ticket came into the queue. */
    enum TicketOrigin { WALK_IN, APPOINTMENT, REMOTE }

    /** Who a notification is for. */
    enum Audience { CUSTOMER, STAFF }

    /** Counter states as seen by customers and managers. */
    enum CounterStatus { OPEN, PAUSED, CLOSED }

    /** Kinds of alarm. */
    enum AlarmKind {
        /** More customers waiting per open counter than the early-warning threshold. */
        EARLY_WARNING,
        /** Over the escalation threshold for the escalation time without a counter opening. */
        ESCALATION,
        /** A ticket waited past its class target. */
        TICKET_OVERDUE,
        /** A device failed (printer, display, audio). */
        DEVICE
    }
}
