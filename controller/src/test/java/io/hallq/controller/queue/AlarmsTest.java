package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmCleared;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmsTest {

    private final EngineHarness h = EngineHarness.small();

    private List<AlarmRaised> raised(List<HallEvent> events) {
        return events.stream().filter(AlarmRaised.class::isInstance).map(AlarmRaised.class::cast).toList();
    }

    /**
     * 14:00, a quiet hour (walk-ins should wait at most 5 min), counters 1 and 4 closed, four walk-ins for OPEN
     * waiting: the fifth raises the early warning, returned.
     */
    private AlarmRaised fifthWalkInAtAQuietHour_withCounters1And4Closed() {
        h.minutes(4 * 60);
        h.ok(new CloseCounter(1));
        h.ok(new CloseCounter(4));
        for (int i = 0; i < 4; i++) {
            h.ok(IssueTicket.walkIn("OPEN"));
        }
        return EngineHarness.only(h.ok(IssueTicket.walkIn("OPEN")), AlarmRaised.class);
    }

    @Test
    void earlyWarning_asksForMoreCounters_whenTheWaitingWorkCannotBeDoneWithinTheTarget() {
        AlarmRaised a = fifthWalkInAtAQuietHour_withCounters1And4Closed();
        // 5 waiting / threshold 2 -> 3 counters; 50 min of work / 5 min target -> 10; only 2 more exist
        assertEquals(2L, a.figures().get("countersToOpen"));
    }

    @Test
    void earlyWarning_raisedWhenMoreThanTwoWaitPerOpenCounter_withCountersToOpen() {
        h.ok(new CloseCounter(1));
        h.ok(new CloseCounter(4));
        for (int i = 0; i < 4; i++) {
            assertTrue(raised(h.ok(IssueTicket.walkIn("PAY"))).isEmpty()); // 4 waiting / 2 open = 2: not more
        }
        AlarmRaised a = EngineHarness.only(h.ok(IssueTicket.walkIn("PAY")), AlarmRaised.class);
        assertEquals(AlarmKind.EARLY_WARNING, a.kind());
        assertEquals(5L, a.figures().get("waiting"));
        assertEquals(2L, a.figures().get("openCounters"));
        assertEquals(1L, a.figures().get("countersToOpen")); // 5 / 2 -> 3 counters needed
        assertTrue(a.messageZh().contains("建议加开 1 个窗口"), a.messageZh());
        assertTrue(raised(h.ok(IssueTicket.walkIn("PAY"))).isEmpty()); // raised once while active
    }

    @Test
    void earlyWarning_clearsWhenACounterOpens() {
        h.ok(new CloseCounter(1));
        h.ok(new CloseCounter(4));
        for (int i = 0; i < 5; i++) {
            h.ok(IssueTicket.walkIn("PAY"));
        }
        List<HallEvent> events = h.ok(new OpenCounter(4)); // 5 waiting / 3 open
        assertEquals(new AlarmCleared(h.now, Alarms.EARLY_WARNING), events.get(events.size() - 1));
    }

    @Test
    void escalation_afterFiveMinutesOverThreePerCounter_notBefore() {
        for (int i = 0; i < 13; i++) { // 4 open counters: 13 > 3 x 4
            h.ok(IssueTicket.walkIn("PAY"));
        }
        h.minutes(4);
        assertTrue(raised(h.ok(new Tick())).stream().noneMatch(a -> a.kind() == AlarmKind.ESCALATION));
        h.minutes(1);
        List<AlarmRaised> r = raised(h.ok(new Tick()));
        assertTrue(r.stream().anyMatch(a -> a.kind() == AlarmKind.ESCALATION), r.toString());
    }

    @Test
    void escalation_clockRestartsWhenACounterOpens() {
        h.ok(new CloseCounter(4));
        for (int i = 0; i < 10; i++) { // 3 open: 10 > 9
            h.ok(IssueTicket.walkIn("PAY"));
        }
        h.minutes(3);
        h.ok(new OpenCounter(4)); // 10 / 4 = 2.5: no longer crowded
        h.minutes(3);
        assertTrue(raised(h.ok(new Tick())).stream().noneMatch(a -> a.kind() == AlarmKind.ESCALATION));
    }

    @Test
    void ticketOverdue_raisedOnTickPastTheClassTarget_andClearedWhenCalled() {
        h.ok(IssueTicket.walkIn("PAY")); // busy period: walk-in target 15 min
        h.minutes(15);
        assertTrue(raised(h.ok(new Tick())).isEmpty());
        h.minutes(1);
        AlarmRaised a = EngineHarness.only(h.ok(new Tick()), AlarmRaised.class);
        assertEquals("TICKET_OVERDUE:E001", a.alarmId());
        assertEquals(16 * 60L, a.figures().get("waitedSeconds"));
        assertTrue(raised(h.ok(new Tick())).isEmpty());
        List<HallEvent> events = h.ok(new CallNext(3));
        assertTrue(events.contains(new AlarmCleared(h.now, "TICKET_OVERDUE:E001")), events.toString());
        assertFalse(h.engine.state().alarms().containsKey("TICKET_OVERDUE:E001"));
    }

    @Test
    void ticketOverdue_usesTheQuietTargetOutsideBusyPeriods() {
        h.minutes(90); // 11:30: quiet, target 5 min
        h.ok(IssueTicket.walkIn("PAY"));
        h.minutes(6);
        assertEquals(AlarmKind.TICKET_OVERDUE, EngineHarness.only(h.ok(new Tick()), AlarmRaised.class).kind());
    }

    @Test
    void earlyWarning_withNoClosedCounterLeft_saysSo_andNamesTheNextStep_neverOpenZero() {
        h.ok(new CloseCounter(4)); // counters 1-3 open, 4 closed
        h.ok(new OpenCounter(4));
        AlarmRaised a = null;
        for (int i = 0; i < 9 && a == null; i++) { // more than 2 per open counter with all 4 open
            a = raised(h.ok(IssueTicket.walkIn("PAY"))).stream().filter(r -> r.kind() == AlarmKind.EARLY_WARNING)
                    .findFirst().orElse(null);
        }
        assertTrue(a != null, "early warning raised");
        assertEquals(0L, a.figures().get("countersToOpen"));
        assertFalse(a.messageEn().contains("open 0"), a.messageEn());
        assertFalse(a.messageZh().contains("加开 0"), a.messageZh());
        assertTrue(a.messageEn().contains("no closed counter is left")
                && a.messageEn().contains("duty manager's desk") && a.messageEn().contains("neighbouring hall"),
                a.messageEn());
        assertTrue(a.messageZh().contains("已无可加开的窗口") && a.messageZh().contains("值班经理台")
                && a.messageZh().contains("邻近网点"), a.messageZh());
    }

    @Test
    void earlyWarning_whenEveryClosedCounterIsNotEnough_asksForThemAll_andTheNextStep() {
        // a quiet hour: 5 min target, so the work needs far more counters than exist
        AlarmRaised a = fifthWalkInAtAQuietHour_withCounters1And4Closed();
        assertEquals(2L, a.figures().get("countersToOpen"));
        assertTrue(a.messageEn().contains("open 2 more counters (every closed counter), and still short")
                && a.messageEn().contains("duty manager's desk"), a.messageEn());
        assertTrue(a.messageZh().contains("建议加开 2 个窗口") && a.messageZh().contains("值班经理台"), a.messageZh());
    }
}
