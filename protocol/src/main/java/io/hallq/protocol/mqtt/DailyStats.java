package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.stats.DailyStatistics;
import java.time.Instant;

/**
 * The statistics of one business day in the versioned envelope. Retained on {@code stats} while the day runs
 * ({@code closed=false}, the day so far), published once on {@code stats/daily} when the day is over
 * ({@code closed=true}, final), and the answer to a RequestStats command. The figures are the same
 * {@link DailyStatistics} the hall computes from its journal for the CSV export and the busy/idle profile.
 *
 * @param lastSeq    sequence of the latest journal event these figures include
 * @param closed     true once the business day is over: the figures are final
 * @param statistics per service and hour, and per counter
 */
public record DailyStats(@JsonProperty(required = true) int v,
                         @JsonProperty(required = true) String hall,
                         @JsonProperty(required = true) String day,
                         @JsonProperty(required = true) Instant at,
                         @JsonProperty(required = true) long lastSeq,
                         @JsonProperty(required = true) boolean closed,
                         @JsonProperty(required = true) DailyStatistics statistics) implements MqttMessage {
    public DailyStats {
        Require.version(v);
        Require.segment("hall", hall);
        Require.text("day", day);
        Require.present("at", at);
        Require.atLeast("lastSeq", lastSeq, 0);
        Require.present("statistics", statistics);
        if (!statistics.day().equals(day)) {
            throw new IllegalArgumentException("field 'statistics.day' must equal 'day' (" + day + "), got '"
                    + statistics.day() + "'");
        }
        if (!statistics.hallId().equals(hall)) {
            throw new IllegalArgumentException("field 'statistics.hallId' must equal 'hall' (" + hall + "), got '"
                    + statistics.hallId() + "'");
        }
    }

    public static DailyStats of(DailyStatistics statistics, Instant at, long lastSeq, boolean closed) {
        return new DailyStats(MqttCodec.VERSION, statistics.hallId(), statistics.day(), at, lastSeq, closed,
                statistics);
    }
}
