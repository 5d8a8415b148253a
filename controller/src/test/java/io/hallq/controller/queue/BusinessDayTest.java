package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.DayStarted;
import io.hallq.protocol.event.HallEvent.TicketVoided;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessDayTest {

    private final EngineHarness h = EngineHarness.small();

    @Test
    void businessDay_beforeTheRolloverTime_isStillYesterday() {
        assertEquals("2026-11-22", BusinessDay.of(Instant.parse("2026-11-22T19:59:00Z"), TestHalls.ZONE,
                LocalTime.of(4, 0))); // 03:59 Shanghai
        assertEquals("2026-11-23", BusinessDay.of(Instant.parse("2026-11-22T20:00:00Z"), TestHalls.ZONE,
                LocalTime.of(4, 0))); // 04:00 Shanghai
    }

    @Test
    void nextDay_restartsNumbers() {
        h.issue("PAY");
        h.callNext(3);
        h.ok(new Finish(3));
        h.advance(Duration.ofDays(1));
        List<HallEvent> events = h.ok(IssueTicket.walkIn("PAY"));
        assertEquals(new DayStarted(h.now, "2026-11-24"), events.get(0));
        assertEquals("E001", EngineHarness.only(events, HallEvent.TicketIssued.class).ticket());
    }

    @Test
    void ticketsLeftAtNight_areVoidedWhenTheDayRollsOver() {
        h.issue("PAY");
        h.issue("OPEN");
        h.now = Instant.parse("2026-11-23T20:30:00Z"); // 04:30 next morning, hall closed
        List<HallEvent> events = h.ok(new Tick());
        assertEquals(List.of(new TicketVoided(h.now, "A001", DayRoll.DAY_CLOSED),
                new TicketVoided(h.now, "E001", DayRoll.DAY_CLOSED), new DayStarted(h.now, "2026-11-24")),
                events.subList(0, 3));
        assertTrue(h.engine.state().liveTickets().isEmpty());
    }

    @Test
    void clockJumpDuringOpeningHours_keepsNumberingUntilNoTicketIsHeld() {
        h.issue("PAY"); // E001, live
        h.advance(Duration.ofDays(1)); // NTP jumps a day ahead at 10:00
        HallEvent.TicketIssued t = h.issue("PAY");
        assertEquals("E002", t.ticket()); // no restart while E001 is held
        assertEquals("2026-11-23", h.engine.state().day());
        h.callNext(3);
        h.callNext(3);
        List<HallEvent> events = h.ok(new Finish(3));
        assertTrue(events.stream().noneMatch(DayStarted.class::isInstance));
        List<HallEvent> next = h.ok(IssueTicket.walkIn("PAY"));
        assertEquals(new DayStarted(h.now, "2026-11-24"), next.get(0));
        assertEquals("E001", EngineHarness.only(next, HallEvent.TicketIssued.class).ticket());
    }

    @Test
    void rejectedCommand_stillCarriesTheNewDay() {
        Result r = h.run(new CallNext(3));
        assertEquals(RejectReason.NOBODY_WAITING, ((Result.Rejected) r).reason());
        assertEquals(List.of(new DayStarted(h.now, "2026-11-23")), r.events());
    }
}
