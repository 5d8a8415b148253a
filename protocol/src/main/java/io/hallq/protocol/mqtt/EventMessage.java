package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.event.HallEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One journal event on the event stream. {@code seq} is the hall's journal sequence number: gap-free and
 * increasing, so a consumer keeps the highest {@code seq} per hall and drops anything at or below it (the
 * hall may send an event twice after a crash, never skip one). {@code eventId} is the same on every resend.
 */
public record EventMessage(@JsonProperty(required = true) int v,
                           @JsonProperty(required = true) String hall,
                           @JsonProperty(required = true) long seq,
                           @JsonProperty(required = true) String eventId,
                           @JsonProperty(required = true) HallEvent event) implements MqttMessage {

    public EventMessage {
        Require.version(v);
        Require.segment("hall", hall);
        Require.atLeast("seq", seq, 1);
        Require.text("eventId", eventId);
        Require.present("event", event);
        Require.present("event.at", event.at());
    }

    /** The message for a journal event; the id is derived, so a resend after a restart carries the same id. */
    public static EventMessage of(String hall, long seq, HallEvent event) {
        String key = hall + "/" + seq + "/" + event.at();
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        return new EventMessage(MqttCodec.VERSION, hall, seq, id, event);
    }
}
