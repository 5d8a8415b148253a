package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionPolicyTest {

    /**
     * Counter 3 (no weights) alone; in order of arrival, one minute apart: a walk-in PAY, a walk-in OPEN, a GoTone
     * BILL (5 min head start). Counters 1 and 2 are closed so only counter 3 calls.
     */
    private static List<String> callOrder(SelectionPolicy policy) {
        EngineHarness h = new EngineHarness(TestHalls.small(c -> TestHalls.withRules(c, c.rules().withSelection(policy))));
        h.ok(new Command.CloseCounter(1));
        h.ok(new Command.CloseCounter(2));
        h.issue("PAY");
        h.minutes(1);
        h.issue("OPEN");
        h.minutes(1);
        h.issue("BILL", "GOTONE");
        h.minutes(1);
        h.issue("PAY");
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(h.callNext(3));
        }
        return calls;
    }

    @Test
    void ageing_letsTheGoToneHeadStartPassOnlyTicketsWithinFiveMinutes() {
        assertEquals(List.of("G001", "E001", "A001", "E002"), callOrder(SelectionPolicy.AGEING));
    }

    @Test
    void fcfs_callsInOrderOfIssue_ignoringClasses() {
        assertEquals(List.of("E001", "A001", "G001", "E002"), callOrder(SelectionPolicy.FCFS));
    }

    @Test
    void strictPriority_callsTheHigherClassFirst_thenByIssue() {
        assertEquals(List.of("G001", "E001", "A001", "E002"), callOrder(SelectionPolicy.STRICT_PRIORITY));
    }

    @Test
    void strictPriority_passesEvenTicketsThatWaitedLongerThanTheHeadStart() {
        for (SelectionPolicy p : List.of(SelectionPolicy.AGEING, SelectionPolicy.STRICT_PRIORITY)) {
            EngineHarness h = new EngineHarness(TestHalls.small(c -> TestHalls.withRules(c, c.rules().withSelection(p))));
            h.ok(new Command.CloseCounter(1));
            h.ok(new Command.CloseCounter(2));
            h.issue("PAY");
            h.minutes(30);
            h.issue("PAY", "GOTONE");
            assertEquals(p == SelectionPolicy.AGEING ? "E001" : "E002", h.callNext(3), p.name());
        }
    }
}
