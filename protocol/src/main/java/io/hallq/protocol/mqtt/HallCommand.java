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
        @JsonSubTypes.Type(value = HallCommand.SetCounterProfile.class, name = "SetCounterProfile")
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
}
