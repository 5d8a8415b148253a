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
}
