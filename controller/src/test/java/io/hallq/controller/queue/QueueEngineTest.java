package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.QueueRules;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueEngineTest {

    private final EngineHarness h = EngineHarness.small();

    @Test
    void firstCommand_startsTheBusinessDay() {
        List<HallEvent> events = h.ok(IssueTicket.walkIn("OPEN"));
        assertEquals(new DayStarted(h.now, "2026-11-23"), events.get(0));
    }

    @Test
    void issue_numbersPerServicePrefix_fromOne() {
        assertEquals("A001", h.issue("OPEN").ticket());
        assertEquals("A002", h.issue("OPEN").ticket());
        assertEquals("E001", h.issue("PAY").ticket());
        assertEquals("A003", h.issue("OPEN").ticket());
    }

    @Test
    void issue_withoutClass_takesTheDefaultClass() {
        assertEquals("WALKIN", h.issue("OPEN").customerClass());
        assertEquals("GOTONE", h.issue("OPEN", "GOTONE").customerClass());
    }

    @Test
    void issue_unknownServiceOrClass_isRejectedAndChangesNothing() {
        h.issue("OPEN");
        assertEquals(RejectReason.UNKNOWN_SERVICE, h.rejected(IssueTicket.walkIn("PAYY")).reason());
        assertEquals(RejectReason.UNKNOWN_CLASS, h.rejected(new IssueTicket("OPEN", "GOLD", null, null)).reason());
        assertEquals("A002", h.issue("OPEN").ticket());
    }

    @Test
    void issue_disabledService_isRejectedWithItsMessage() {
        h.ok(new SetService("PAY", false, "系统升级", "System upgrade"));
        Result.Rejected r = h.rejected(IssueTicket.walkIn("PAY"));
        assertEquals(RejectReason.SERVICE_DISABLED, r.reason());
        assertTrue(r.message().contains("系统升级") && r.message().contains("System upgrade"), r.message());
        h.ok(new SetService("PAY", true, null, null));
        assertEquals("E001", h.issue("PAY").ticket());
    }

    @Test
    void issue_pastTheNumberRange_isRejected() {
        EngineHarness small = new EngineHarness(TestHalls.small(c -> {
            List<ServiceConfig> services = new ArrayList<>(c.services());
            ServiceConfig s = services.get(0);
            services.set(0, new ServiceConfig(s.code(), s.nameZh(), s.nameEn(), s.prefix(), 998, 999,
                    s.handlingTime(), true, s.disabledMessageZh(), s.disabledMessageEn(), false));
            return new io.hallq.controller.config.HallConfig(c.hall(), c.hours(), services, c.classes(),
                    c.counters(), c.alarms(), c.rules(), c.journal());
        }));
        assertEquals("A998", small.issue("OPEN").ticket());
        assertEquals("A999", small.issue("OPEN").ticket());
        assertEquals(RejectReason.NUMBERS_EXHAUSTED, small.rejected(IssueTicket.walkIn("OPEN")).reason());
    }

    @Test
    void vipTicket_isSentToTheVipRoom_onlyWhileItIsOpen() {
        assertTrue(h.issue("OPEN", "VIP").vipRoom());
        assertFalse(h.issue("OPEN", "GOTONE").vipRoom());
        h.ok(new CloseCounter(1));
        assertFalse(h.issue("OPEN", "VIP").vipRoom());
    }

    @Test
    void issued_countsPeopleAheadAtTheCountersThatServeIt() {
        h.issue("OPEN");
        h.issue("PAY");
        h.issue("OPEN", "VIP"); // waits for the VIP room, not for counters 2 and 3
        TicketIssued t = h.issue("BILL");
        assertEquals(2, t.peopleAhead());
    }

    @Test
    void issued_estimatesTheWaitFromHandlingTimesAndCounters() {
        h.ok(new Command.Pause(1)); // the idle VIP room would take an ordinary customer at once (overflow)
        h.issue("OPEN"); // 10 min
        h.issue("OPEN"); // 10 min
        TicketIssued t = h.issue("PAY"); // shared by counters 2 and 3
        assertEquals(2, t.peopleAhead());
        assertEquals(Duration.ofMinutes(10).toSeconds(), t.estimatedWaitSeconds());
    }

    @Test
    void estimate_learnsFromServedTickets() {
        for (int i = 0; i < 20; i++) {
            h.issue("PAY");
            h.callNext(3);
            h.minutes(6);
            h.ok(new Finish(3));
        }
        h.issue("PAY");
        h.callNext(3);
        h.minutes(1);
        h.ok(new Command.Pause(2));
        h.ok(new Command.Pause(1)); // the idle VIP room would take an ordinary customer at once (overflow)
        TicketIssued t = h.issue("PAY");
        // mean of 20 samples of 6 min and the 2 min guess = 7320 / 21 s; counter 3 called the one ahead a minute ago
        assertEquals(Math.round(7320.0 / 21 - 60), t.estimatedWaitSeconds());
    }

    @Test
    void estimate_isZeroWhileACounterIsIdle_andPlaysTheQueueForward() {
        h.issue("PAY");                 // 2 min
        TicketIssued second = h.issue("PAY");
        assertEquals(0, second.estimatedWaitSeconds()); // counters 2 and 3 are both free: one takes each
        h.issue("OPEN");                // 10 min, to the counter free first after the PAY customers
        TicketIssued fourth = h.issue("PAY");
        // counters free at 2 and 2 min; OPEN takes one until 12; the other is free at 2 min
        assertEquals(120, fourth.estimatedWaitSeconds());
    }

    @Test
    void callNext_takesTheLowestRank_classHeadStartFirst() {
        h.issue("PAY");           // E001 walk-in at 10:00
        h.minutes(1);
        h.issue("PAY", "GOTONE"); // E002, 5 min head start
        assertEquals("E002", h.callNext(3));
        assertEquals("E001", h.callNext(2));
    }

    @Test
    void callNext_ageing_walkInWaitingLongerThanTheHeadStartGoesFirst() {
        h.issue("PAY");           // E001 walk-in
        h.minutes(6);
        h.issue("PAY", "GOTONE"); // E002 head start 5 min: ranks after E001
        assertEquals("E001", h.callNext(3));
    }

    @Test
    void callNext_profileWeight_favoursTheCountersPrimaryService() {
        h.issue("PAY");    // E001
        h.minutes(5);
        h.issue("OPEN");   // A001: counter 2 gives OPEN 10 minutes
        assertEquals("A001", h.callNext(2));
        assertEquals("E001", h.callNext(3));
    }

    @Test
    void callNext_finishesTheCurrentTicket() {
        h.issue("PAY");
        h.issue("PAY");
        h.callNext(3);
        h.minutes(3);
        List<HallEvent> events = h.ok(new CallNext(3));
        assertEquals(new TicketServed(h.now, "E001", 3, 180), events.get(0));
        assertEquals(new TicketCalled(h.now, "E002", 3), events.get(1));
    }

    @Test
    void callNext_nobodyWaiting_isARejectionResult() {
        assertEquals(RejectReason.NOBODY_WAITING, h.rejected(new CallNext(2)).reason());
    }

    @Test
    void counterActions_checkTheCounterState() {
        h.issue("PAY");
        h.ok(new Pause(3));
        Result.Rejected r = h.rejected(new CallNext(3));
        assertEquals(RejectReason.COUNTER_PAUSED, r.reason());
        assertEquals("counter 3 is paused", r.message());
        h.ok(new CloseCounter(3));
        assertEquals(RejectReason.COUNTER_CLOSED, h.rejected(new CallNext(3)).reason());
        assertEquals(RejectReason.COUNTER_CLOSED, h.rejected(new Pause(3)).reason());
        assertEquals(RejectReason.NO_CURRENT_TICKET, h.rejected(new Recall(2)).reason());
        assertEquals(RejectReason.NO_CURRENT_TICKET, h.rejected(new Finish(2)).reason());
        assertEquals(RejectReason.UNKNOWN_COUNTER, h.rejected(new CallNext(9)).reason());
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new OpenCounter(2)).reason());
        h.ok(new OpenCounter(3));
        assertEquals("E001", h.callNext(3));
    }

    @Test
    void pauseOrResume_pausesAnOpenCounter_resumesAPausedOne_andLeavesAClosedOneClosed() {
        h.issue("PAY");
        h.callNext(3);
        List<HallEvent> paused = h.ok(new PauseOrResume(3));
        assertTrue(paused.get(0) instanceof TicketServed);
        assertEquals(new CounterChanged(h.now, 3, CounterStatus.PAUSED), paused.get(1));
        assertEquals(List.of(new CounterChanged(h.now, 3, CounterStatus.OPEN)), h.ok(new PauseOrResume(3)));
        h.ok(new CloseCounter(3));
        assertEquals(RejectReason.COUNTER_CLOSED, h.rejected(new PauseOrResume(3)).reason());
        assertEquals(CounterStatus.CLOSED, h.engine.state().counter(3).status());
        assertEquals(RejectReason.UNKNOWN_COUNTER, h.rejected(new PauseOrResume(9)).reason());
    }

    @Test
    void pause_finishesTheCurrentCustomerFirst() {
        h.issue("PAY");
        h.callNext(3);
        List<HallEvent> events = h.ok(new Pause(3));
        assertTrue(events.get(0) instanceof TicketServed);
        assertEquals(new CounterChanged(h.now, 3, CounterStatus.PAUSED), events.get(1));
        h.ok(new Resume(3));
        assertEquals(CounterStatus.OPEN, h.engine.state().counter(3).status());
    }

    @Test
    void recall_isLimited() {
        h.issue("PAY");
        h.callNext(3);
        assertEquals(1, EngineHarness.only(h.ok(new Recall(3)), TicketRecalled.class).count());
        assertEquals(2, EngineHarness.only(h.ok(new Recall(3)), TicketRecalled.class).count());
        assertEquals(RejectReason.RECALL_LIMIT, h.rejected(new Recall(3)).reason());
    }

    @Test
    void noShow_requeuesOnceAtTheOldRank_thenDrops() {
        h.issue("PAY");   // E001
        h.minutes(1);
        h.issue("PAY");   // E002
        h.callNext(3);
        assertTrue(EngineHarness.only(h.ok(new NoShow(3)), TicketNoShow.class).requeued());
        assertEquals("E001", h.callNext(3));
        assertFalse(EngineHarness.only(h.ok(new NoShow(3)), TicketNoShow.class).requeued());
        assertNull(h.engine.state().ticket("E001"));
        assertEquals("E002", h.callNext(3));
    }

    @Test
    void transfer_keepsArrival_byDefault() {
        h.issue("PAY");   // E001 at 10:00
        h.minutes(2);
        h.issue("BILL");  // G001 at 10:02
        h.callNext(3);    // E001
        TicketTransferred t = EngineHarness.only(h.ok(new Transfer(3, "BILL")), TicketTransferred.class);
        assertEquals("PAY", t.fromService());
        assertEquals("E001", h.callNext(2)); // still ahead of G001
    }

    @Test
    void transfer_withRaisedPriority_ranksFromTheTransferTime() {
        QueueRules r = TestHalls.rules();
        EngineHarness raised = new EngineHarness(TestHalls.withRules(TestHalls.small(),
                new QueueRules(r.recallLimit(), r.noShowRequeue(), QueueRules.TransferMode.RAISED_PRIORITY,
                        Duration.ofMinutes(10), r.vipRoomOverflow(), r.estimateWindow())));
        raised.issue("PAY");
        raised.callNext(3);
        raised.minutes(30);
        TicketTransferred t = EngineHarness.only(raised.ok(new Transfer(3, "BILL")), TicketTransferred.class);
        assertEquals(raised.now.minus(Duration.ofMinutes(10)), t.rank());
    }

    @Test
    void transfer_toTheSameService_isRejected() {
        h.issue("PAY");
        h.callNext(3);
        assertEquals(RejectReason.SAME_SERVICE, h.rejected(new Transfer(3, "PAY")).reason());
    }

    @Test
    void callTicket_takesThatTicket_butNeverOneCalledElsewhere() {
        h.issue("PAY");
        h.issue("PAY");
        h.ok(new CallTicket(3, "E002"));
        assertEquals(RejectReason.TICKET_NOT_WAITING, h.rejected(new CallTicket(2, "E002")).reason());
        assertEquals(RejectReason.UNKNOWN_TICKET, h.rejected(new CallTicket(2, "E999")).reason());
        assertEquals("E001", h.callNext(2));
    }

    @Test
    void directQueue_isCountedAndEstimated_neverCalled() {
        TicketIssued p1 = h.issue("DIRECT");
        TicketIssued p2 = h.issue("DIRECT");
        assertTrue(p1.directQueue());
        assertEquals(1, p2.peopleAhead());
        assertEquals(60, p2.estimatedWaitSeconds());
        assertEquals(RejectReason.NOBODY_WAITING, h.rejected(new CallNext(4)).reason());
        assertEquals(RejectReason.DIRECT_QUEUE_NOT_CALLED, h.rejected(new CallTicket(3, "P001")).reason());
        TicketServed s = EngineHarness.only(h.ok(new ServeDirect(4, "DIRECT")), TicketServed.class);
        assertEquals("P001", s.ticket());
        assertEquals(1, h.engine.state().waiting("DIRECT").size());
    }

    @Test
    void vipRoom_takesVipFirst_andOverflowsToOrdinaryTicketsWhenIdle() {
        h.issue("PAY");            // E001 walk-in
        h.issue("BILL", "VIP");    // G001 VIP
        assertEquals("G001", h.callNext(1));
        assertEquals("E001", h.callNext(1)); // nothing for the VIP room: it takes an ordinary ticket
    }

    @Test
    void vipTicket_forAServiceTheVipRoomDoesNotOffer_isServedInTheHall() {
        h.ok(new SetCounterProfile(1, List.of(TestHalls.entry("OPEN", 0, "VIP"))));
        TicketIssued pay = h.issue("PAY", "VIP");
        assertFalse(pay.vipRoom(), "the VIP room does not do payments: do not send the customer there");
        assertEquals("E001", h.callNext(2));
    }

    @Test
    void vipRoomDroppingAService_releasesItsWaitingVipTicketsToTheHall() {
        assertTrue(h.issue("BILL", "VIP").vipRoom());
        assertEquals(RejectReason.NOBODY_WAITING, h.rejected(new CallNext(2)).reason());
        h.ok(new SetCounterProfile(1, List.of(TestHalls.entry("OPEN", 0, "VIP"))));
        assertEquals("G001", h.callNext(2));
    }

    @Test
    void vipTicket_waitsForTheVipRoom_notForOrdinaryCounters() {
        h.issue("BILL", "VIP");
        assertEquals(RejectReason.NOBODY_WAITING, h.rejected(new CallNext(2)).reason());
        h.ok(new CloseCounter(1));
        assertEquals("G001", h.callNext(2));
    }

    @Test
    void backwardClockJump_neverMakesTimeRunBack() {
        h.issue("PAY");
        h.advance(Duration.ofHours(-3));
        TicketIssued t = h.issue("PAY");
        assertEquals(TestHalls.MONDAY_10AM, t.at());
        h.callNext(3);
        h.minutes(1);
        TicketServed s = EngineHarness.only(h.ok(new Finish(3)), TicketServed.class);
        assertTrue(s.handlingSeconds() >= 0);
    }
}
