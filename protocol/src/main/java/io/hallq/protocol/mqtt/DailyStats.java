package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** Figures of one business day so far, retained, and the answer to a stats request. */
public record DailyStats(@JsonProperty(required = true) int v,
                         @JsonProperty(required = true) String hall,
                         @JsonProperty(required = true) String day,
                         @JsonProperty(required = true) Instant at,
                         @JsonProperty(required = true) long lastSeq,
                         @JsonProperty(required = true) Map<String, ServiceStats> services) implements MqttMessage {
    public DailyStats {
        Require.version(v);
        Require.segment("hall", hall);
        Require.text("day", day);
        Require.present("at", at);
        services = Require.map("services", services);
    }

    /** Counts since the day started; {@code meanHandlingSeconds} is -1 until a ticket was served. */
    public record ServiceStats(@JsonProperty(required = true) int issued,
                               @JsonProperty(required = true) int served,
                               @JsonProperty(required = true) int noShow,
                               @JsonProperty(required = true) int voided,
                               @JsonProperty(required = true) int waiting,
                               @JsonProperty(required = true) long meanHandlingSeconds) {}
}
