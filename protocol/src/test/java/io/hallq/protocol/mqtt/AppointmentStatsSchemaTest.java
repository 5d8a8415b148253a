package io.hallq.protocol.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.EventCodec;
import io.hallq.protocol.stats.DailyStatistics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A day's booking counts as central receives them: held to the published schema. */
class AppointmentStatsSchemaTest {

    @Test
    void aDaysBookingCounts_matchTheSchema_andANegativeCountDoesNot() throws Exception {
        DailyStatistics d = new DailyStatistics("sh-pudong-01", "2026-11-23", List.of(), List.of(),
                new DailyStatistics.AppointmentsDay(5, 1, 3, 1, 4, 3, 1));
        byte[] json = EventCodec.newMapper().writeValueAsBytes(d);
        assertEquals("", Schemas.errors("daily-statistics.json", json));
        String broken = new String(json, StandardCharsets.UTF_8).replace("\"lapsed\":1", "\"lapsed\":-1");
        assertTrue(!Schemas.errors("daily-statistics.json", broken.getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
