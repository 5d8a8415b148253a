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
     * (services, counters, profiles, notices) record who asked ({@link Actor}, checked when it is built).
     */
    record By(Actor actor, Command command) implements Command {}

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
}
