package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.time.Instant;

/**
 * An alarm raised ({@code active}) or cleared. {@code seq} is the journal event it comes from. On clear,
 * kind and messages are those of the raise when the hall still knows them, otherwise null.
 */
public record AlarmMessage(@JsonProperty(required = true) int v,
                           @JsonProperty(required = true) String hall,
                           @JsonProperty(required = true) long seq,
                           @JsonProperty(required = true) boolean active,
                           @JsonProperty(required = true) String alarmId,
                           AlarmKind kind,
                           String messageZh,
                           String messageEn,
                           @JsonProperty(required = true) Instant at) implements MqttMessage {
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
}
