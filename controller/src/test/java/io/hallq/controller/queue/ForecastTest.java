package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.controller.config.RosterConfig;
import io.hallq.controller.config.RosterConfig.Shift;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the estimate knows ahead: the roster's counters and breaks, and later arrivals who go first. */
class ForecastTest {

    /** The small hall at 10:00 with the VIP room closed: only counters 2 and 3 take ordinary customers. */
    private static EngineHarness hall(RosterConfig roster, SelectionPolicy policy) {
        HallConfig c = TestHalls.small();
        EngineHarness h = new EngineHarness(c.withRules(c.rules().withSelection(policy)).withRoster(roster));
        h.ok(new Command.CloseCounter(1));
        return h;
    }

    private static EngineHarness hall(RosterConfig roster) {
        return hall(roster, SelectionPolicy.AGEING);
    }

    private static RosterConfig shifts(Shift... shifts) {
        return new RosterConfig(List.of(shifts), 0, Duration.ZERO);
    }

    /** Four OPEN customers (10 min each) waiting; the estimate of a fifth. */
    private static long fifthOpen(EngineHarness h) {
        for (int i = 0; i < 4; i++) {
            h.issue("OPEN");
        }
        return h.issue("OPEN").estimatedWaitSeconds();
    }

    @Test
    void aCounterTheRosterOpensLater_shortensTheWait() {
        EngineHarness alone = hall(RosterConfig.NONE);
        alone.ok(new Command.CloseCounter(3));
        EngineHarness helped = hall(shifts(new Shift(3, LocalTime.of(10, 5), LocalTime.of(18, 0))));
        helped.ok(new Command.CloseCounter(3));
        assertEquals(Duration.ofMinutes(40).toSeconds(), fifthOpen(alone), "counter 2 alone: 4 x 10 min");
        // counter 2 takes customers at 0 and 10, counter 3 from 10:05 at 5 and 15: the fifth goes to counter 2 at 20
        assertEquals(Duration.ofMinutes(20).toSeconds(), fifthOpen(helped));
    }

    @Test
    void aCounterWhoseShiftEnds_finishesItsCustomer_andTakesNoMore() {
        long both = fifthOpen(hall(RosterConfig.NONE));
        long leaving = fifthOpen(hall(shifts(new Shift(3, LocalTime.of(9, 0), LocalTime.of(10, 5)))));
        assertEquals(Duration.ofMinutes(20).toSeconds(), both, "two counters: 0, 0, 10, 10, then 20");
        // counter 3 takes one customer at 0 and leaves at 10:05; counter 2 takes the rest at 0, 10, 20, 30
        assertEquals(Duration.ofMinutes(30).toSeconds(), leaving);
    }

    @Test
    void aShiftEndingAtClosingTime_servesEveryoneStillWaiting() {
        assertEquals(fifthOpen(hall(RosterConfig.NONE)),
                fifthOpen(hall(shifts(new Shift(3, LocalTime.of(9, 0), LocalTime.of(18, 0))))));
    }

    @Test
    void breaks_slowThePace_andAPausedCounterComesBackFromItsBreak() {
        RosterConfig breaks = new RosterConfig(List.of(), 1, Duration.ofMinutes(54));
        long without = fifthOpen(hall(RosterConfig.NONE));
        long with = fifthOpen(hall(breaks));
        // 54 min of a 9-hour day: 10% less service time, each customer takes 10 / 0.9 min
        assertEquals(Math.round(without / 0.9), with);

        EngineHarness paused = hall(breaks);
        paused.ok(new Command.Pause(3));
        paused.minutes(50); // 4 minutes of the break left
        for (int i = 0; i < 2; i++) {
            paused.issue("OPEN");
        }
        long third = paused.issue("OPEN").estimatedWaitSeconds();
        // counter 2 takes the first at 0 (until 11.1 min), counter 3 back at 4 min takes the second (until 15.1)
        assertEquals(Math.round(10 * 60 / 0.9), third);
    }

    @Test
    void laterArrivalsOfAHigherClass_goFirstUnderAgeing_butNotUnderFcfs() {
        long[] waits = new long[2];
        SelectionPolicy[] policies = {SelectionPolicy.AGEING, SelectionPolicy.FCFS};
        for (int p = 0; p < 2; p++) {
            EngineHarness h = hall(RosterConfig.NONE, policies[p]);
            h.ok(new Command.CloseCounter(3));
            for (int i = 0; i < 10; i++) { // GoTone customers for OPEN, one every 3 minutes for half an hour
                h.issue("OPEN", "GOTONE");
                h.callNext(2);
                h.minutes(3);
            }
            h.ok(new Command.Finish(2));
            for (int i = 0; i < 3; i++) {
                h.issue("OPEN");
            }
            waits[p] = h.issue("OPEN").estimatedWaitSeconds();
        }
        assertTrue(waits[0] > waits[1], "GoTone customers arriving with a 5-minute head start go first under "
                + "ageing: " + waits[0] + " s against " + waits[1] + " s under FCFS");
    }

    @Test
    void theStatedWaitsOfAllServices_fromOnePass_areEachServicesOwn() {
        EngineHarness h = hall(shifts(new Shift(3, LocalTime.of(10, 20), LocalTime.of(18, 0))));
        String[] services = {"OPEN", "PAY", "BILL", "OPEN"};
        for (int i = 0; i < 25; i++) {
            h.issue(services[i % 4], i % 5 == 0 ? "GOTONE" : null);
            if (i % 6 == 0) {
                h.callNext(2 + i % 2);
            }
            h.minutes(1);
        }
        QueueState s = h.engine.state();
        Map<String, Long> all = Estimator.waitNowAll(s, h.now);
        for (var svc : s.config().services()) {
            assertEquals(Estimator.waitNow(s, svc.code(), h.now), all.get(svc.code()), svc.code());
        }
        assertTrue(all.get("OPEN") > 0);
    }

    @Test
    void theWholeQueuesEstimates_areEachWaitingTicketsOwn() {
        EngineHarness h = hall(shifts(new Shift(3, LocalTime.of(10, 20), LocalTime.of(18, 0))));
        h.ok(new Command.CloseCounter(3));
        String[] services = {"OPEN", "PAY", "BILL"};
        String[] classes = {null, "GOTONE", "VIP", null};
        for (int i = 0; i < 40; i++) {
            h.issue(services[i % 3], classes[i % 4]);
            if (i % 7 == 0) {
                h.callNext(2);
            }
            h.minutes(1);
        }
        QueueState s = h.engine.state();
        Map<Ticket, Estimator.Estimate> all = Estimator.forAllWaiting(s, h.now);
        int waiting = 0;
        for (Ticket t : s.liveTickets()) {
            if (t.status() == Ticket.Status.WAITING) {
                waiting++;
                assertEquals(Estimator.forWaiting(s, t, h.now), all.get(t), t.toString());
            }
        }
        assertEquals(waiting, all.size());
        assertTrue(waiting > 20);
    }
}
