package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What central or a manager asks a hall to do; the {@code type} field names the command. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HallCommand.SetService.class, name = "SetService"),
        @JsonSubTypes.Type(value = HallCommand.BroadcastNotice.class, name = "BroadcastNotice"),
        @JsonSubTypes.Type(value = HallCommand.RequestStats.class, name = "RequestStats"),
        @JsonSubTypes.Type(value = HallCommand.SetCounterProfile.class, name = "SetCounterProfile"),
        @JsonSubTypes.Type(value = HallCommand.BookAppointment.class, name = "BookAppointment"),
        @JsonSubTypes.Type(value = HallCommand.CancelBooking.class, name = "CancelBooking")
})
public sealed interface HallCommand {

    /** The name used in config allow-lists and in the {@code type} field. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Switch a service on or off; the messages tell customers why it is off (required when switching off). */
    record SetService(@JsonProperty(required = true) String service,
                      @JsonProperty(required = true) boolean enabled,
                      String messageZh,
                      String messageEn) implements HallCommand {
        public SetService {
            Require.text("command.service", service);
            if (!enabled) {
                Require.text("command.messageZh", messageZh);
                Require.text("command.messageEn", messageEn);
            }
        }
    }

    /** Show a notice on the hall board for {@code durationSeconds} (1 s to 24 h); it replaces any earlier one. */
    record BroadcastNotice(@JsonProperty(required = true) String textZh,
                           @JsonProperty(required = true) String textEn,
                           @JsonProperty(required = true) long durationSeconds) implements HallCommand {
        public static final long MAX_SECONDS = 24 * 3600;
        public static final int MAX_CHARS = 200;

        public BroadcastNotice {
            Require.text("command.textZh", textZh);
            Require.text("command.textEn", textEn);
            if (textZh.length() > MAX_CHARS || textEn.length() > MAX_CHARS) {
                throw new IllegalArgumentException("field 'command.textZh'/'command.textEn' must be at most "
                        + MAX_CHARS + " characters");
            }
            if (durationSeconds < 1 || durationSeconds > MAX_SECONDS) {
                throw new IllegalArgumentException("field 'command.durationSeconds' must be 1.." + MAX_SECONDS
                        + ", got " + durationSeconds);
            }
        }
    }

    /** Ask for the current day's {@link DailyStats} so far; they come back in the response. */
    record RequestStats() implements HallCommand {}

    /**
     * Replace a counter's priority profile for the rest of the business day (the configured one returns with
     * the next day): which services and classes it takes and the head start each line gets.
     */
    record SetCounterProfile(@JsonProperty(required = true) int counter,
                             @JsonProperty(required = true) List<Line> profile)
            implements HallCommand {

        /** One profile line; {@code classes} absent or empty = every class, {@code weightSeconds} absent = 0. */
        public record Line(String service, List<String> classes, Long weightSeconds) {
            public Line {
                classes = classes == null ? List.of() : List.copyOf(classes);
                weightSeconds = weightSeconds == null ? 0L : weightSeconds;
            }
        }

        public SetCounterProfile {
            if (counter < 1 || counter > 999) {
                throw new IllegalArgumentException("field 'command.counter' must be 1..999, got " + counter);
            }
            if (profile == null) {
                throw new IllegalArgumentException("missing field 'command.profile'");
            }
            for (int i = 0; i < profile.size(); i++) {
                Line line = profile.get(i);
                if (line == null) {
                    throw new IllegalArgumentException("field 'command.profile[" + i + "]' must be an object");
                }
                Require.text("command.profile[" + i + "].service", line.service());
            }
            profile = List.copyOf(profile);
        }
    }

    /**
     * Book a slot of a service at this hall for a customer central knows (schema: booking-command.json). The number
     * never travels: {@code phoneHash} is the HMAC-SHA256 (lower-case hex) of its 11 digits under the hall's lookup
     * key (mqtt.lookup.keyFile, shared with central only; the same hash as a PhoneLookupRequest), which is what the
     * dispenser matches when the customer checks in by typing the number; {@code phoneMasked} is what pages and
     * events show. {@code start} is the slot's start as the hall's slots say (GET /api/public/slots). The answer
     * carries the booking ({@link CommandResponse#booking}).
     */
    record BookAppointment(@JsonProperty(required = true) String service,
                           @JsonProperty(required = true) java.time.Instant start,
                           @JsonProperty(required = true) String phoneHash,
                           @JsonProperty(required = true) String phoneMasked) implements HallCommand {
        private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-f]{64}");
        private static final java.util.regex.Pattern MASKED = java.util.regex.Pattern.compile("1[0-9]{2}\\*{4}[0-9]{4}");

        public BookAppointment {
            Require.text("command.service", service);
            Require.present("command.start", start);
            if (phoneHash == null || !HASH.matcher(phoneHash).matches()) {
                throw new IllegalArgumentException("field 'command.phoneHash' must be 64 lower-case hex digits"
                        + " (HMAC-SHA256 of the number under the hall's lookup key)");
            }
            if (phoneMasked == null || !MASKED.matcher(phoneMasked).matches()) {
                throw new IllegalArgumentException("field 'command.phoneMasked' must be a masked number like 138****5678");
            }
        }
    }

    /** Cancel a booking by the id the hall gave it (BookAppointment's answer, or the BookingMade event). */
    record CancelBooking(@JsonProperty(required = true) String booking) implements HallCommand {
        public CancelBooking {
            Require.text("command.booking", booking);
        }
    }
}
