package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.AlarmConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.HallConfigBuilder;
import io.hallq.controller.config.PreCallConfig;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.Result;
import io.hallq.controller.queue.TicketView;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The one pre-call rule the board and the voice share, on a controlled clock (each command's own instant). */
class PreCallRuleTest {

    private static final Instant TEN = TestHalls.MONDAY_10AM; // 10:00 Shanghai

    private static HallConfig hall(PreCallConfig precall) {
        return HallConfigBuilder.from(TestHalls.small())
                .alarms(new AlarmConfig(2, 3, Duration.ofMinutes(5), true, precall)).build();
    }

    private static final class Hall {
        final QueueEngine engine;
        Instant now = TEN;

        Hall(PreCallConfig precall) {
            engine = new QueueEngine(hall(precall));
        }

        void ok(Command c) {
            Result r = engine.handle(c, now);
            assertTrue(r instanceof Result.Accepted, c + " -> " + r);
            now = now.plusSeconds(1);
        }

        QueueView s() {
            return engine.view();
        }

        boolean earlyWarning() {
            return s().alarms().values().stream().anyMatch(a -> a.kind() == AlarmKind.EARLY_WARNING);
        }
    }

    /** Two counters open (2 and 3), so more than 4 waiting raises the early warning. */
    private static Hall crowded(PreCallConfig precall, int open, int pay) {
        Hall h = new Hall(precall);
        h.ok(new Command.CloseCounter(1));
        h.ok(new Command.CloseCounter(4));
        for (int i = 0; i < open; i++) {
            h.ok(Command.IssueTicket.walkIn("OPEN"));
        }
        for (int i = 0; i < pay; i++) {
            h.ok(Command.IssueTicket.walkIn("PAY"));
        }
        return h;
    }

    @Test
    void whileTheEarlyWarningIsActive_theNextKOfEachBusyServiceGetReady() {
        Hall h = crowded(new PreCallConfig(true, 2, 3, List.of()), 4, 2);
        assertTrue(h.earlyWarning());
        List<PreCallRule.Group> groups = PreCallRule.decide(h.s(), h.now);
        // PAY has 2 waiting, fewer than minWaiting 3: not busy
        assertEquals(List.of(new PreCallRule.Group("OPEN", "OPEN中文", "OPEN en", List.of("A001", "A002"))), groups);
        assertEquals("请 A001、A002 号准备", PreCallRule.textZh(groups.get(0)));
        assertEquals("A001, A002 please get ready", PreCallRule.textEn(groups.get(0)));
    }

    @Test
    void theGroupMovesOnAsTicketsAreCalled() {
        Hall h = crowded(new PreCallConfig(true, 3, 3, List.of()), 8, 0);
        h.ok(new Command.CallNext(2)); // A001
        assertEquals(List.of("A002", "A003", "A004"), PreCallRule.decide(h.s(), h.now).get(0).tickets());
        assertEquals(List.of("A002", "A003", "A004"),
                PreCallRule.forService(h.s(), h.now, "OPEN").orElseThrow().tickets());
        assertTrue(PreCallRule.forService(h.s(), h.now, "PAY").isEmpty());
    }

    @Test
    void withoutTheEarlyWarning_nothingIsPreCalled_howeverManyWait() {
        Hall h = new Hall(new PreCallConfig(true, 2, 1, List.of()));
        for (int i = 0; i < 8; i++) { // 8 waiting, 4 open: 2 per counter, not more than 2
            h.ok(Command.IssueTicket.walkIn("OPEN"));
        }
        assertTrue(!h.earlyWarning());
        assertEquals(List.of(), PreCallRule.decide(h.s(), h.now));
    }

    @Test
    void inQuietHours_nothingIsPreCalled_andOutsideThemItIs() {
        // 09:30-10:30 Shanghai, the clock passes 10:30 below
        Hall h = crowded(new PreCallConfig(true, 2, 1, List.of(
                new PreCallConfig.Window(LocalTime.of(9, 30), LocalTime.of(10, 30)))), 6, 0);
        assertTrue(h.earlyWarning());
        assertEquals(List.of(), PreCallRule.decide(h.s(), h.now));
        assertEquals(List.of(), PreCallRule.decide(h.s(), TEN.plus(Duration.ofMinutes(30)).minusSeconds(1)));
        assertEquals(1, PreCallRule.decide(h.s(), TEN.plus(Duration.ofMinutes(30))).size(), "to is exclusive");
    }

    @Test
    void aQuietWindowMayPassMidnight() {
        PreCallConfig.Window w = new PreCallConfig.Window(LocalTime.of(20, 0), LocalTime.of(8, 0));
        assertTrue(w.contains(LocalTime.of(23, 0)));
        assertTrue(w.contains(LocalTime.of(7, 59)));
        assertTrue(!w.contains(LocalTime.of(8, 0)));
        assertTrue(!w.contains(LocalTime.of(12, 0)));
    }

    @Test
    void switchedOff_theRuleNeverPreCalls() {
        Hall h = crowded(new PreCallConfig(false, 2, 1, List.of()), 6, 0);
        assertTrue(h.earlyWarning());
        assertEquals(List.of(), PreCallRule.decide(h.s(), h.now));
    }

    @Test
    void directQueuesAndSwitchedOffServicesAreNeverPreCalled() {
        Hall h = crowded(new PreCallConfig(true, 2, 1, List.of()), 0, 0);
        for (int i = 0; i < 6; i++) {
            h.ok(Command.IssueTicket.walkIn("DIRECT"));
        }
        for (int i = 0; i < 3; i++) {
            h.ok(Command.IssueTicket.walkIn("BILL"));
        }
        h.ok(new Command.SetService("BILL", false, "维护", "Maintenance"));
        assertTrue(h.earlyWarning());
        assertEquals(List.of(), PreCallRule.decide(h.s(), h.now));
    }

    // ---- properties: the rule picks exactly the head of each busy service's queue, at most K ----

    @Provide
    Arbitrary<List<String>> services() {
        return Arbitraries.of("OPEN", "PAY", "BILL").list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 200)
    void preCalledTicketsAreTheHeadOfEachBusyServiceAndAtMostK(@ForAll("services") List<String> arrivals,
                                                               @ForAll @IntRange(min = 1, max = 4) int k,
                                                               @ForAll @IntRange(min = 1, max = 6) int minWaiting,
                                                               @ForAll @IntRange(min = 0, max = 3) int calls) {
        Hall h = new Hall(new PreCallConfig(true, k, minWaiting, List.of()));
        h.ok(new Command.CloseCounter(1));
        h.ok(new Command.CloseCounter(4));
        for (String service : arrivals) {
            h.ok(Command.IssueTicket.walkIn(service));
        }
        for (int i = 0; i < calls; i++) {
            h.engine.handle(new Command.CallNext(2 + i % 2), h.now); // refused when nobody waits: fine
            h.now = h.now.plusSeconds(1);
        }
        List<PreCallRule.Group> groups = PreCallRule.decide(h.s(), h.now);
        if (!h.earlyWarning()) {
            assertEquals(List.of(), groups);
            return;
        }
        Set<String> busy = h.s().config().services().stream().filter(s -> !s.directQueue())
                .map(s -> s.code()).filter(c -> h.s().waiting(c).size() >= minWaiting).collect(Collectors.toSet());
        assertEquals(busy, groups.stream().map(PreCallRule.Group::service).collect(Collectors.toSet()));
        for (PreCallRule.Group g : groups) {
            // all walk-ins of one class: the next to be called are the lowest numbers still waiting
            List<String> head = h.s().waiting(g.service()).stream().map(TicketView::number).sorted().limit(k).toList();
            assertEquals(head, g.tickets());
            assertEquals(Math.min(k, h.s().waiting(g.service()).size()), g.tickets().size());
        }
    }
}
