package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a {@link CommandRequest}, sent to its response topic with its correlation data.
 *
 * @param reason  a stable code: OK, MALFORMED, NOT_ALLOWED, UNKNOWN_SERVICE, ALREADY_IN_STATE, ... (the
 *                queue engine's reject reasons pass through)
 * @param message says what was wrong, naming the field for a malformed command
 * @param stats   the answer to RequestStats, otherwise null
 * @param booking the booking a BookAppointment made or a CancelBooking cancelled, otherwise null (and left out)
 */
public record CommandResponse(@JsonProperty(required = true) int v,
                              @JsonProperty(required = true) String hall,
                              @JsonProperty(required = true) boolean accepted,
                              @JsonProperty(required = true) String reason,
                              @JsonProperty(required = true) String message,
                              DailyStats stats,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              Booking booking) implements MqttMessage {

    /** An answer without a booking (every command but BookAppointment and CancelBooking). */
    public CommandResponse(int v, String hall, boolean accepted, String reason, String message, DailyStats stats) {
        this(v, hall, accepted, reason, message, stats, null);
    }

    /**
     * The booking a BookAppointment made or a CancelBooking cancelled (schema: booking-command.json#/$defs/booking).
     *
     * @param status BOOKED or CANCELLED (more may be added within v1)
     */
    public record Booking(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) String service,
                          @JsonProperty(required = true) java.time.Instant start,
                          @JsonProperty(required = true) java.time.Instant end,
                          @JsonProperty(required = true) String phoneMasked,
                          @JsonProperty(required = true) String status) {
        public Booking {
            Require.text("booking.id", id);
            Require.text("booking.service", service);
            Require.present("booking.start", start);
            Require.present("booking.end", end);
            Require.text("booking.phoneMasked", phoneMasked);
            Require.text("booking.status", status);
        }
    }

    public CommandResponse {
        Require.version(v);
        Require.segment("hall", hall);
        Require.text("reason", reason);
        Require.present("message", message);
    }

    public static CommandResponse accepted(String hall, String message, DailyStats stats) {
        return new CommandResponse(MqttCodec.VERSION, hall, true, "OK", message, stats);
    }

    /** An accepted booking command, with the booking. */
    public static CommandResponse booking(String hall, String message, Booking booking) {
        return new CommandResponse(MqttCodec.VERSION, hall, true, "OK", message, null, booking);
    }

    public static CommandResponse rejected(String hall, String reason, String message) {
        return new CommandResponse(MqttCodec.VERSION, hall, false, reason, message, null);
    }
}
