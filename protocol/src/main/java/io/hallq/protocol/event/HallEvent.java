package io.hallq.protocol.event;

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
        @JsonSubTypes.Type(value = HallEvent.NotificationFailed.class, name = "NotificationFailed")
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
     */
    record TicketIssued(Instant at, String ticket, String service, String customerClass, Instant rank,
                        int peopleAhead, long estimatedWaitSeconds, boolean vipRoom, boolean directQueue,
                        String phoneMasked, String token,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean paper) implements HallEvent {

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
