package io.hallq.controller.voice;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the hall wants said. Independent of the queue engine: the integration maps engine events to these.
 * The records check their arguments, so a malformed ticket number fails where it is made, not on the
 * playback thread.
 */
public sealed interface Announcement {

    /** A ticket number: one upper-case prefix letter and 1 to 6 digits, e.g. "A012". */
    Pattern TICKET_NUMBER = Pattern.compile("[A-Z][0-9]{1,6}");

    /** Highest counter number accepted. */
    int MAX_COUNTER = 999;

    /** Most tickets in one pre-call. */
    int MAX_PRECALL_TICKETS = 10;

    /** The template set this announcement is spoken with. */
    VoiceEvent event();

    /** Short text for logs and file names, e.g. "call A012 -> 3". */
    String describe();

    /** A ticket called to a counter: "请 A012 号 到 3 号窗口办理". */
    record Call(String ticketNumber, int counter) implements Announcement {
        public Call {
            checkTicket(ticketNumber);
            checkCounter(counter);
        }

        @Override
        public VoiceEvent event() {
            return VoiceEvent.CALL;
        }

        @Override
        public String describe() {
            return "call " + ticketNumber + " -> " + counter;
        }
    }

    /** A ticket called again; may jump ahead of queued plain calls (see {@link VoiceConfig#recallJumpsQueue()}). */
    record Recall(String ticketNumber, int counter) implements Announcement {
        public Recall {
            checkTicket(ticketNumber);
            checkCounter(counter);
        }

        @Override
        public VoiceEvent event() {
            return VoiceEvent.RECALL;
        }

        @Override
        public String describe() {
            return "recall " + ticketNumber + " -> " + counter;
        }
    }

    /** The next few tickets are asked to get ready (used when the hall is crowded). */
    record PreCall(List<String> ticketNumbers) implements Announcement {
        public PreCall {
            ticketNumbers = List.copyOf(ticketNumbers);
            if (ticketNumbers.isEmpty() || ticketNumbers.size() > MAX_PRECALL_TICKETS) {
                throw new IllegalArgumentException("a pre-call takes 1.." + MAX_PRECALL_TICKETS + " tickets, got "
                        + ticketNumbers.size());
            }
            ticketNumbers.forEach(Announcement::checkTicket);
        }

        @Override
        public VoiceEvent event() {
            return VoiceEvent.PRECALL;
        }

        @Override
        public String describe() {
            return "precall " + String.join(",", ticketNumbers);
        }
    }

    /**
     * A service stops taking customers. Only pre-recorded clips are spoken: {@code serviceCode} picks the clip
     * {@code service-<code>.wav} (the generic "this service" clip when there is none); the names are for logs
     * and displays.
     */
    record ServiceUnavailable(String serviceCode, String serviceNameZh, String serviceNameEn, Reason reason)
            implements Announcement {
        public ServiceUnavailable {
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(reason, "reason");
            serviceNameZh = Objects.requireNonNullElse(serviceNameZh, "");
            serviceNameEn = Objects.requireNonNullElse(serviceNameEn, "");
        }

        @Override
        public VoiceEvent event() {
            return VoiceEvent.UNAVAILABLE;
        }

        @Override
        public String describe() {
            return "unavailable " + serviceCode + " (" + reason.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** Why a service is unavailable; each has a clip {@code reason-<name in lower case>.wav} per language. */
    enum Reason {
        SYSTEM_FAULT, MAINTENANCE, CLOSED_FOR_TODAY, TEMPORARILY_UNAVAILABLE;

        /** The clip file name inside a language directory, e.g. "reason-system_fault.wav". */
        public String clipFile() {
            return "reason-" + name().toLowerCase(Locale.ROOT) + ".wav";
        }
    }

    private static void checkTicket(String ticketNumber) {
        if (ticketNumber == null || !TICKET_NUMBER.matcher(ticketNumber).matches()) {
            throw new IllegalArgumentException("ticket number must be one letter A-Z and 1-6 digits, got '"
                    + ticketNumber + "'");
        }
    }

    private static void checkCounter(int counter) {
        if (counter < 1 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("counter must be 1.." + MAX_COUNTER + ", got " + counter);
        }
    }
}
