package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mobile page's reminder opt-in: bounded per ticket link, per client address and in memory. */
class ReminderGateTest {

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    private final ReminderGate gate = new ReminderGate(ReminderGate.Limits.DEFAULT, clock);

    @Test
    void aTicketTakesThreeNumbersAnHour_theFourthWaitsForTheBucketToRefill() {
        for (int i = 0; i < 3; i++) {
            assertTrue(gate.request("ticket-a", "10.0.0." + i).allowed(), "request " + i);
        }
        CustomerGate.Answer<Void> refused = gate.request("ticket-a", "10.0.0.9");
        assertEquals("RATE_LIMITED", refused.refusal());
        assertTrue(refused.message().contains("one ticket") && refused.message().contains("请稍后再试"),
                refused.message());
        assertEquals(Duration.ofMinutes(20), refused.retryAfter(), "one of 3 an hour comes back after 20 min");
        clock.advance(Duration.ofMinutes(20));
        assertTrue(gate.request("ticket-a", "10.0.0.9").allowed());
        assertFalse(gate.request("ticket-a", "10.0.0.9").allowed());
    }

    @Test
    void oneAddressMakesTenRequestsAnHour_whateverTheTickets() {
        for (int i = 0; i < 10; i++) {
            assertTrue(gate.request("ticket-" + i, "10.0.0.1").allowed(), "request " + i);
        }
        CustomerGate.Answer<Void> refused = gate.request("ticket-new", "10.0.0.1");
        assertEquals("RATE_LIMITED", refused.refusal());
        assertTrue(refused.message().contains("one address"), refused.message());
        assertTrue(gate.request("ticket-new", "10.0.0.2").allowed(), "another phone is not held up");
    }

    @Test
    void aRefusedRequestCostsNothing_soTheTicketsOwnerIsNotLockedOutByItsNeighbour() {
        for (int i = 0; i < 10; i++) {
            gate.request("probe-" + i, "10.0.0.66");
        }
        assertFalse(gate.request("ticket-a", "10.0.0.66").allowed(), "the prober's address is spent");
        for (int i = 0; i < 3; i++) {
            assertTrue(gate.request("ticket-a", "10.0.0.1").allowed(), "the owner still has all three");
        }
    }

    @Test
    void memoryStaysBounded_underManyLinksAndAddresses() {
        ReminderGate small = new ReminderGate(new ReminderGate.Limits(3, 10, 100), clock);
        for (int i = 0; i < 5_000; i++) {
            small.request("ticket-" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertEquals(200, small.size(), "100 links and 100 addresses at most");
    }
}
