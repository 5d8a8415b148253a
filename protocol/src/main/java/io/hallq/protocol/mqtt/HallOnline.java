package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Hall liveness, retained. The hall publishes {@code online=true} after each connect and registers the same
 * message with {@code online=false} as its last will; {@code birth} grows by one per connect (it survives
 * restarts), so a consumer can tell a stale will from the current session's (Sparkplug's bdSeq idea).
 */
public record HallOnline(@JsonProperty(required = true) int v,
                         @JsonProperty(required = true) String hall,
                         @JsonProperty(required = true) boolean online,
                         @JsonProperty(required = true) long birth,
                         @JsonProperty(required = true) Instant at) implements MqttMessage {
    public HallOnline {
        Require.version(v);
        Require.segment("hall", hall);
        Require.atLeast("birth", birth, 0);
        Require.present("at", at);
    }
}
