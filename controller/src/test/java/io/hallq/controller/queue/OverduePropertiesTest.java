package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.TestHalls;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The tick's overdue check passes over tickets that have waited less than the shortest target of any class before
 * it looks up their own target (a saving on every tick with a long queue): the tickets it raises must be exactly
 * those that have waited past their own target, to the millisecond, also at the edges of whole seconds.
 */
class OverduePropertiesTest {

    /** A ticket taken {@code atMillis} after 10:00 (in the small hall's busy period until 11:00). */
    record Taken(int atMillis, String cls, String service) {}

    @Property(tries = 300)
    void theTickRaisesExactlyTheTicketsPastTheirOwnTarget(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 5_400_000) Integer> offsets,
            @ForAll @IntRange(min = 0, max = 29) int classSeed,
            @ForAll @IntRange(min = 0, max = 29) int edgeOf,
            @ForAll @IntRange(min = 0, max = 2) int edgeTarget,
            @ForAll @IntRange(min = -1500, max = 1500) int edgeMillis) {
        String[] classes = {null, "GOTONE", "VIP"};
        String[] services = {"OPEN", "PAY", "BILL"};
        List<Integer> sorted = offsets.stream().sorted().toList();
        List<Taken> taken = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            taken.add(new Taken(sorted.get(i), classes[(i + classSeed) % 3], services[i % 3]));
        }
        EngineHarness h = EngineHarness.small();
        Instant start = TestHalls.MONDAY_10AM;
        List<TicketIssued> issued = new ArrayList<>();
        for (Taken t : taken) {
            h.now = start.plusMillis(t.atMillis());
            issued.add(h.issue(t.service(), t.cls()));
        }
        // the tick lands near one ticket's 5, 10 or 15 minutes, where whole seconds and milliseconds matter
        Instant edge = issued.get(edgeOf % issued.size()).at()
                .plus(Duration.ofMinutes(new int[] {5, 10, 15}[edgeTarget])).plusMillis(edgeMillis);
        Instant tick = edge.isBefore(h.now) ? h.now : edge;
        h.now = tick;

        Set<String> expected = new TreeSet<>();
        QueueState state = h.engine.state();
        for (TicketIssued e : issued) {
            Ticket t = state.ticket(e.ticket());
            if (Duration.between(t.issuedAt(), tick).compareTo(Alarms.target(state.config(), t)) > 0) {
                expected.add("TICKET_OVERDUE:" + t.number());
            }
        }
        Set<String> raised = new TreeSet<>();
        h.ok(new Command.Tick()).stream().filter(AlarmRaised.class::isInstance).map(AlarmRaised.class::cast)
                .filter(a -> a.kind() == AlarmKind.TICKET_OVERDUE).forEach(a -> raised.add(a.alarmId()));
        assertEquals(expected, raised);
    }

    @org.junit.jupiter.api.Test
    void theShortestTargetIsTheSmallestBusyOrQuietTargetOfAnyClass() {
        var cfg = TestHalls.small();
        long smallest = Long.MAX_VALUE;
        for (var c : cfg.classes()) {
            smallest = Math.min(smallest, Math.min(c.busyTarget().getSeconds(), c.quietTarget().getSeconds()));
        }
        assertEquals(smallest, Alarms.shortestTargetSeconds(cfg));
        assertEquals(5 * 60L, Alarms.shortestTargetSeconds(cfg), "the small hall's quiet target of 5 min");
    }
}
