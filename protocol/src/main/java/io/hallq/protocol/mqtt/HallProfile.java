package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.stats.BusyIdleProfile;
import java.time.Instant;

/**
 * The busy/idle profile (忙闲时档案) in the versioned envelope, retained on {@code profile}: mean arrivals, handling
 * and wait per weekday and hour over the closed business days of the last {@code weeks} weeks. Republished after
 * every day roll and on every connect.
 *
 * @param weeks how many weeks back the profile reaches (the hall's {@code journal.profileWeeks})
 */
public record HallProfile(@JsonProperty(required = true) int v,
                          @JsonProperty(required = true) String hall,
                          @JsonProperty(required = true) Instant at,
                          @JsonProperty(required = true) int weeks,
                          @JsonProperty(required = true) BusyIdleProfile profile) implements MqttMessage {
    public HallProfile {
        Require.version(v);
        Require.segment("hall", hall);
        Require.present("at", at);
        if (weeks < 1 || weeks > 52) {
            throw new IllegalArgumentException("field 'weeks' must be 1..52, got " + weeks);
        }
        Require.present("profile", profile);
        if (!profile.hallId().equals(hall)) {
            throw new IllegalArgumentException("field 'profile.hallId' must equal 'hall' (" + hall + "), got '"
                    + profile.hallId() + "'");
        }
    }
}
