package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.hall.JournaledEvent;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.DailyStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyTallyTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private long seq;
    private final DailyTally tally = new DailyTally("hall-a", List.of("OPEN", "PAY"));

    private void apply(HallEvent e) {
        tally.apply(new JournaledEvent(++seq, e));
    }

    private static HallEvent issued(String ticket, String service) {
        return new HallEvent.TicketIssued(T, ticket, service, "WALKIN", T, 0, 0, false, false, null, null);
    }

    @Test
    void countsPerService_followTransfers_andRestartEachDay() {
        apply(new HallEvent.DayStarted(T, "2026-11-22"));
        apply(issued("A001", "OPEN"));
        apply(new HallEvent.DayStarted(T, "2026-11-23"));
        apply(issued("A001", "OPEN"));
        apply(issued("A002", "OPEN"));
        apply(issued("E001", "PAY"));
        apply(new HallEvent.TicketServed(T, "A001", 2, 600));
        apply(new HallEvent.TicketTransferred(T, "A002", 2, "OPEN", "PAY", T));
        apply(new HallEvent.TicketServed(T, "A002", 3, 100));
        apply(new HallEvent.TicketNoShow(T, "E001", 3, false));
        DailyStats s = tally.stats(Map.of("OPEN", 4), T);
        assertEquals("2026-11-23", s.day());
        assertEquals(new DailyStats.ServiceStats(2, 1, 0, 0, 4, 600), s.services().get("OPEN"));
        assertEquals(new DailyStats.ServiceStats(1, 1, 1, 0, 0, 100), s.services().get("PAY"));
        assertEquals(seq, s.lastSeq());
    }

    @Test
    void replayedEvents_areCountedOnce() {
        apply(new HallEvent.DayStarted(T, "2026-11-23"));
        apply(issued("A001", "OPEN"));
        tally.apply(new JournaledEvent(2, issued("A001", "OPEN")));
        assertEquals(1, tally.stats(Map.of(), T).services().get("OPEN").issued());
    }
}
