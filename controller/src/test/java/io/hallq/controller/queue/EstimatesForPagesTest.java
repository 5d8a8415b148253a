package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimatesForPagesTest {

    private final EngineHarness h = EngineHarness.small();

    @Test
    void waitingTicket_countsOnlyThoseAheadOfIt_notItself() {
        h.ok(new Command.Pause(1)); // counters 2 and 3 take the first two; the third waits
        h.issue("OPEN");
        h.issue("OPEN");
        String third = h.issue("OPEN").ticket();
        QueueState s = h.engine.state();
        Estimator.Estimate e = Estimator.forWaiting(s, s.ticket(third), h.now);
        assertEquals(2, e.peopleAhead());
        assertTrue(e.waitSeconds() > 0, "two OPEN customers ahead take time: " + e);
        assertEquals(0, Estimator.forWaiting(s, s.ticket("A001"), h.now).peopleAhead());
    }

    @Test
    void walkIn_seesEveryoneWaitingForTheService_andIsTheSameAsAtIssue() {
        h.issue("OPEN");
        h.issue("OPEN");
        Estimator.Estimate walkIn = Estimator.forWalkIn(h.engine.state(), "OPEN", h.now);
        var issued = h.issue("OPEN");
        assertEquals(issued.peopleAhead(), walkIn.peopleAhead());
        assertEquals(issued.estimatedWaitSeconds(), walkIn.waitSeconds());
    }

    @Test
    void theStatedWait_isAWalkInsWhileACounterServesIt_unknownWhileNoneDoes() {
        h.issue("PAY");
        h.issue("PAY");
        QueueState s = h.engine.state();
        assertEquals(Estimator.forWalkIn(s, "PAY", h.now).waitSeconds(), Estimator.waitNow(s, "PAY", h.now));
        h.ok(new Command.Pause(2));
        h.ok(new Command.Pause(3));
        assertEquals(-1, Estimator.waitNow(s, "PAY", h.now), "only the VIP room's counter 1 is open: not for walk-ins");
        assertTrue(Estimator.forWalkIn(s, "PAY", h.now).waitSeconds() >= 0,
                "the walk-in's own estimate assumes that the paused counters come back");
        h.ok(new Command.Resume(3));
        assertEquals(Estimator.forWalkIn(s, "PAY", h.now).waitSeconds(), Estimator.waitNow(s, "PAY", h.now));
    }

    @Test
    void aDetachedCopy_givesTheSameEstimates_asTheStateItWasTakenFrom() {
        h.ok(new Command.Pause(1));
        for (int i = 0; i < 6; i++) {
            h.issue("OPEN");
            h.issue("PAY");
            h.issue("BILL", "GOTONE");
            h.advance(java.time.Duration.ofMinutes(2));
        }
        h.ok(new Command.CallNext(2));
        h.advance(java.time.Duration.ofMinutes(1));
        QueueState live = h.engine.state();
        assertTrue(live.arrivals().perSecond("OPEN", "WALKIN", h.now) > 0, "arrival rates matter to the forecast");
        QueueState copy = live.detach().restore();
        java.util.Map<String, Estimator.Estimate> a = new java.util.HashMap<>();
        Estimator.forAllWaiting(live, h.now).forEach((t, e) -> a.put(t.number(), e));
        java.util.Map<String, Estimator.Estimate> b = new java.util.HashMap<>();
        Estimator.forAllWaiting(copy, h.now).forEach((t, e) -> b.put(t.number(), e));
        assertEquals(a, b);
        assertEquals(Estimator.waitNowAll(live, h.now), Estimator.waitNowAll(copy, h.now));
        h.issue("OPEN");
        assertEquals(b.size(), Estimator.forAllWaiting(copy, h.now).size(), "the copy does not follow the state");
    }

    @Test
    void peopleAheadOfAll_countsAsTheFullEstimateDoes_withoutTheForecast() {
        h.ok(new Command.Pause(1));
        for (int i = 0; i < 5; i++) {
            h.issue("OPEN");
            h.issue("PAY");
        }
        QueueState s = h.engine.state();
        var full = Estimator.forAllWaiting(s, h.now);
        var people = Estimator.peopleAheadOfAll(s);
        assertEquals(full.keySet(), people.keySet());
        full.forEach((t, e) -> {
            assertEquals(e.peopleAhead(), people.get(t).peopleAhead(), t.number());
            assertEquals(Estimator.NOT_FORECAST, people.get(t).waitSeconds(), t.number());
        });
    }
}
