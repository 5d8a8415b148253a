package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a {@link CommandRequest}, sent to its response topic with its correlation data.
 *
 * @param reason  a stable code: OK, MALFORMED, NOT_ALLOWED, UNKNOWN_SERVICE, ALREADY_IN_STATE, ... (the
 *                queue engine's reject reasons pass through)
 * @param message says what was wrong, naming the field for a malformed command
 * @param stats   the answer to RequestStats, otherwise null
 */
public record CommandResponse(@JsonProperty(required = true) int v,
                              @JsonProperty(required = true) String hall,
                              @JsonProperty(required = true) boolean accepted,
                              @JsonProperty(required = true) String reason,
                              @JsonProperty(required = true) String message,
                              DailyStats stats) implements MqttMessage {
    public CommandResponse {
        Require.version(v);
        Require.segment("hall", hall);
        Require.text("reason", reason);
        Require.present("message", message);
    }

    public static CommandResponse accepted(String hall, String message, DailyStats stats) {
        return new CommandResponse(MqttCodec.VERSION, hall, true, "OK", message, stats);
    }

    public static CommandResponse rejected(String hall, String reason, String message) {
        return new CommandResponse(MqttCodec.VERSION, hall, false, reason, message, null);
    }
}
