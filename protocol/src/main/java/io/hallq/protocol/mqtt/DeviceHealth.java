package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Health of one device (printer, display, audio, keypad), retained per device. */
public record DeviceHealth(@JsonProperty(required = true) int v,
                           @JsonProperty(required = true) String hall,
                           @JsonProperty(required = true) String device,
                           @JsonProperty(required = true) State state,
                           String detail,
                           @JsonProperty(required = true) Instant at) implements MqttMessage {
    public DeviceHealth {
        Require.version(v);
        Require.segment("hall", hall);
        Require.segment("device", device);
        Require.present("state", state);
        Require.present("at", at);
    }

    public enum State { OK, DEGRADED, FAILED }
}
