package io.hallq.controller.queue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Four hours at two counters (2 min per PAY customer, so one customer a minute in all) while VIPs arrive at
 * 1.3 a minute and walk-ins at 0.2 a minute: an overload that only ageing can keep fair.
 */
final class StarvationRun {

    /**
     * Walk-ins of the first 90 minutes must all be called within the 4 hours: with ageing a walk-in arriving at
     * minute a is called after the VIPs of its first a + 20 minutes, about minute 1.5 a + 26 at these rates, so
     * 90 minutes leaves an hour for random surges. Under strict priority none of them would be.
     */
    static final int EARLY_MINUTES = 90;

    private final Map<String, Instant> issued = new HashMap<>();
    private final Map<String, String> classOf = new HashMap<>();
    private Duration maxWalkIn = Duration.ZERO;
    private Duration maxVip = Duration.ZERO;
    private int walkInsEarly;
    private int walkInsEarlyCalled;

    static StarvationRun overload(long seed) {
        StarvationRun run = new StarvationRun();
        run.simulate(new Random(seed));
        return run;
    }

    private void simulate(Random random) {
        EngineHarness h = EngineHarness.small();
        h.ok(new CloseCounter(1)); // no VIP room: VIPs compete for counters 2 and 3
        Instant start = h.now;
        Instant half = start.plus(Duration.ofMinutes(EARLY_MINUTES));
        for (int second = 0; second < 4 * 3600; second += 10) {
            h.now = start.plusSeconds(second);
            arrive(h, random, 1.3 / 6, "VIP");
            arrive(h, random, 0.2 / 6, "WALKIN");
            if (second % 120 == 0 || second % 120 == 60) {
                int counter = second % 120 == 0 ? 2 : 3;
                Result r = h.run(new CallNext(counter));
                for (HallEvent e : r.events()) {
                    if (e instanceof HallEvent.TicketCalled c) {
                        called(c.ticket(), h.now, half);
                    }
                }
            }
        }
    }

    private void arrive(EngineHarness h, Random random, double probability, String cls) {
        if (random.nextDouble() < probability) {
            HallEvent.TicketIssued t = h.issue("PAY", cls);
            issued.put(t.ticket(), t.at());
            classOf.put(t.ticket(), cls);
            if (cls.equals("WALKIN") && Duration.between(TestHalls.MONDAY_10AM, t.at()).toMinutes() < EARLY_MINUTES) {
                walkInsEarly++;
            }
        }
    }

    private void called(String ticket, Instant at, Instant half) {
        Duration waited = Duration.between(issued.get(ticket), at);
        if (classOf.get(ticket).equals("VIP")) {
            maxVip = waited.compareTo(maxVip) > 0 ? waited : maxVip;
        } else {
            maxWalkIn = waited.compareTo(maxWalkIn) > 0 ? waited : maxWalkIn;
            if (issued.get(ticket).isBefore(half)) {
                walkInsEarlyCalled++;
            }
        }
    }

    int walkInsOfFirstHalf() { return walkInsEarly; }
    int walkInsOfFirstHalfCalled() { return walkInsEarlyCalled; }
    Duration maxWalkInWait() { return maxWalkIn; }
    Duration maxVipWait() { return maxVip; }
}
