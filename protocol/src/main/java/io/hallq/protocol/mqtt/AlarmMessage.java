package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.time.Instant;

/**
 * An alarm raised ({@code active}) or cleared. {@code seq} is the journal event it comes from. On clear,
 * kind, messages and cause are those of the raise when the hall still knows them, otherwise null.
 *
 * @param cause a short code for programs (DEVICE alarms: "paper-out", "stuck-key", ...), or null
 */
public record AlarmMessage(@JsonProperty(required = true) int v,
                           @JsonProperty(required = true) String hall,
                           @JsonProperty(required = true) long seq,
                           @JsonProperty(required = true) boolean active,
                           @JsonProperty(required = true) String alarmId,
                           AlarmKind kind,
                           String messageZh,
                           String messageEn,
                           @JsonProperty(required = true) Instant at,
                           String cause) implements MqttMessage {
    public AlarmMessage {
        Require.version(v);
        Require.segment("hall", hall);
        Require.atLeast("seq", seq, 1);
        Require.text("alarmId", alarmId);
        Require.present("at", at);
        if (active) {
            Require.present("kind", kind);
        }
    }

    /** An alarm without a cause code. */
    public AlarmMessage(int v, String hall, long seq, boolean active, String alarmId, AlarmKind kind, String messageZh,
                        String messageEn, Instant at) {
        this(v, hall, seq, active, alarmId, kind, messageZh, messageEn, at, null);
    }
}
