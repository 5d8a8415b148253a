package io.hallq.protocol.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.protocol.EventCodec;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsJsonTest {

    static final ObjectMapper JSON = EventCodec.newMapper();

    @Test
    void dailyStatistics_roundTripThroughJson() throws Exception {
        DailyStatistics d = new DailyStatistics("sh-pudong-01", "2026-03-10",
                List.of(new DailyStatistics.ServiceHour("PAY", 9, 40, 38, 312.5, 700, 37, 118.2, 2, 1, 20, 3.4)),
                List.of(new DailyStatistics.CounterDay(4, 37, 32400, 25000, 25000 / 32400.0, 118.2, 20, 3.4)));
        String text = JSON.writeValueAsString(d);
        assertTrue(text.contains("\"meanWaitSeconds\":312.5"), text);
        assertEquals(d, JSON.readValue(text, DailyStatistics.class));
    }

    @Test
    void aDayWithBookings_carriesTheirCounts_andADayWithout_leavesThemOut() throws Exception {
        DailyStatistics with = new DailyStatistics("sh-pudong-01", "2026-03-10", List.of(), List.of(),
                new DailyStatistics.AppointmentsDay(5, 1, 3, 1, 4, 3, 1));
        String text = JSON.writeValueAsString(with);
        assertEquals(with, JSON.readValue(text, DailyStatistics.class));
        String without = JSON.writeValueAsString(new DailyStatistics("sh-pudong-01", "2026-03-10", List.of(), List.of()));
        assertTrue(!without.contains("appointments"), without);
    }

    @Test
    void busyIdleProfile_roundTripsWithWeekdayNames() throws Exception {
        BusyIdleProfile p = new BusyIdleProfile("sh-pudong-01", "2026-02-09", "2026-03-08",
                List.of(new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 10, 4, 57.5, 290, 410)));
        String text = JSON.writeValueAsString(p);
        assertTrue(text.contains("\"weekday\":\"MONDAY\""), text);
        assertEquals(p, JSON.readValue(text, BusyIdleProfile.class));
    }
}
