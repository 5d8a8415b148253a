package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.Result;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Views taken between two computations of the pages' estimates (off the writer): exact people ahead, aged waits. */
class PageEstimatesTest {

    private static final Instant NOW = TestHalls.MONDAY_10AM;

    private final QueueEngine engine = new QueueEngine(TestHalls.small());

    private String run(Command c, Instant at) {
        Result r = engine.handle(c, at);
        assertTrue(r instanceof Result.Accepted, c + " -> " + r);
        return r.events().stream().filter(e -> e instanceof io.hallq.protocol.event.HallEvent.TicketIssued)
                .map(e -> ((io.hallq.protocol.event.HallEvent.TicketIssued) e).ticket()).findFirst().orElse(null);
    }

    @Test
    void aViewBetweenEstimates_countsPeopleAheadNow_andAgesTheLastWaits_andGivesANewTicketItsServicesWait() {
        run(new Command.Pause(1), NOW);
        for (int i = 0; i < 6; i++) {
            run(Command.IssueTicket.walkIn("OPEN"), NOW);
        }
        run(new Command.CallNext(2), NOW);
        run(new Command.CallNext(3), NOW);
        var s = engine.view();
        PageEstimates known = PageEstimates.compute(s, 7, NOW);
        HallView.TicketInfo lastBefore = HallView.capture(s, 7, NOW, known).ticket("A006");
        assertEquals(s.estimate("A006", NOW).orElseThrow().waitSeconds(), lastBefore.waitSeconds());

        Instant later = NOW.plusSeconds(60);
        run(new Command.Finish(2), later);
        run(new Command.CallNext(2), later);
        String fresh = run(Command.IssueTicket.walkIn("OPEN"), later);
        HallView v = HallView.capture(s, 10, later, known);

        HallView.TicketInfo last = v.ticket("A006");
        assertEquals(s.estimate("A006", later).orElseThrow().peopleAhead(), last.peopleAhead(),
                "people ahead are counted afresh");
        assertEquals(lastBefore.peopleAhead() - 1, last.peopleAhead());
        assertEquals(Math.max(0, lastBefore.waitSeconds() - 60), last.waitSeconds(), "the wait counts down");
        assertEquals(Math.max(0, known.walkIns().get("OPEN") - 60), v.ticket(fresh).waitSeconds(),
                "a ticket issued since: its service's stated wait");
        assertEquals(Math.max(0, known.walkIns().get("OPEN") - 60), v.service("OPEN").walkInWaitSeconds());
    }
}
