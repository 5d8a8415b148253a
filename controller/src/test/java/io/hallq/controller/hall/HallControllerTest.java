package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Command.*;
import io.hallq.controller.queue.StateFingerprint;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HallControllerTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);

    private HallController start(HallConfig config) {
        return HallController.start(config, clock, Duration.ZERO);
    }

    private static Outcome run(HallController c, Command command) {
        return c.submit(command).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static String fingerprint(HallController c) {
        return c.query(StateFingerprint::of).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void restart_resumesTheDayExactly() {
        HallConfig config = TestHalls.small(dir);
        String before;
        try (HallController c = start(config)) {
            for (int i = 0; i < 5; i++) {
                run(c, IssueTicket.walkIn("PAY"));
                run(c, new IssueTicket("OPEN", "GOTONE", "138****1234", "tok" + i));
            }
            run(c, new CallNext(2));
            run(c, new Pause(3));
            run(c, new CallNext(1));
            before = fingerprint(c);
        }
        try (HallController c = start(config)) {
            assertEquals(before, fingerprint(c));
            Outcome next = run(c, IssueTicket.walkIn("PAY"));
            HallEvent.TicketIssued t = (HallEvent.TicketIssued) next.events().get(0).event();
            assertEquals("E006", t.ticket());
        }
    }

    @Test
    void paperTicketNeverConfirmedPrinted_isVoidedAtTheNextStart_beforeAnythingElse() {
        HallConfig config = TestHalls.small(dir);
        try (HallController c = start(config)) {
            run(c, new IssueTicket("PAY", null, null, "printed", true));
            run(c, new MarkPrinted("E001"));
            run(c, new IssueTicket("PAY", null, null, "lost", true)); // power cut before the printer confirmed
            run(c, IssueTicket.walkIn("PAY"));                        // a web ticket: nothing to print
        }
        try (HallController c = start(config)) {
            List<HallEvent> after = c.eventsAfter(0, 1000).stream().map(JournaledEvent::event).toList();
            HallEvent last = after.get(after.size() - 1);
            assertEquals(new HallEvent.TicketVoided(last.at(), "E002", HallController.VOID_UNPRINTED), last);
            List<String> waiting = c.query(s -> s.waiting("PAY").stream().map(t -> t.number()).toList()).join();
            assertEquals(List.of("E001", "E003"), waiting, "the printed and the paperless ticket stay");
        }
        try (HallController c = start(config)) {
            assertEquals(List.of(), c.query(s -> s.awaitingPrint()).join(), "voided once, not at every start");
        }
    }

    @Test
    void restartFromASnapshot_equalsAFullReplay() {
        HallConfig config = TestHalls.withJournal(TestHalls.small(dir), new JournalConfig(dir.toString(), 60, 100));
        try (HallController c = start(config)) {
            for (int i = 0; i < 90; i++) {
                run(c, IssueTicket.walkIn(i % 2 == 0 ? "PAY" : "BILL"));
                run(c, new CallNext(2 + i % 2));
            }
        }
        String fromSnapshot;
        try (HallController c = start(config)) {
            assertTrue(c.recovery().snapshotSequence() > 0, c.recovery().toString());
            fromSnapshot = fingerprint(c);
        }
        try (Journal j = Journal.open(dir)) {
            // a full replay of the same journal, without any snapshot
            var recovered = new io.hallq.controller.queue.QueueState(config);
            j.forEachAfter(0, r -> recovered.apply(io.hallq.protocol.EventCodec.decode(r.payload())));
            assertEquals(StateFingerprint.of(recovered), fromSnapshot);
        }
    }

    @Test
    void concurrentSubmits_areGroupCommitted_withUniqueContiguousSequences() throws Exception {
        try (HallController c = start(TestHalls.small(dir))) {
            List<CompletableFuture<Outcome>> futures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        futures.add(c.submit(IssueTicket.walkIn("PAY")));
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            List<Long> seqs = new ArrayList<>();
            List<String> tickets = new ArrayList<>();
            for (CompletableFuture<Outcome> f : futures) {
                for (JournaledEvent e : f.get(10, TimeUnit.SECONDS).events()) {
                    seqs.add(e.sequence());
                    if (e.event() instanceof HallEvent.TicketIssued i) {
                        tickets.add(i.ticket());
                    }
                }
            }
            Collections.sort(seqs);
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals(i + 1, seqs.get(i));
            }
            assertEquals(400, tickets.stream().distinct().count());
        }
    }

    @Test
    void listeners_getDurableEventsInSequenceOrder() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (HallController c = start(TestHalls.small(dir))) {
            c.addListener(events -> events.forEach(e -> seen.add(e.sequence())));
            for (int i = 0; i < 20; i++) {
                c.submit(IssueTicket.walkIn("PAY"));
            }
            run(c, new CallNext(3));
        }
        try (Journal j = Journal.open(dir)) {
            assertEquals(j.lastSequence(), seen.size()); // every durable event, close waits for the effects
        }
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i));
        }
    }

    @Test
    void eventsAfter_readsDurableEventsFromACursor() {
        try (HallController c = start(TestHalls.small(dir))) {
            for (int i = 0; i < 5; i++) {
                run(c, IssueTicket.walkIn("PAY"));
            }
            List<JournaledEvent> tail = c.eventsAfter(3, 2);
            assertEquals(List.of(4L, 5L), tail.stream().map(JournaledEvent::sequence).toList());
            assertEquals("E003", ((HallEvent.TicketIssued) tail.get(0).event()).ticket());
            assertEquals(6, c.lastSequence());
            assertTrue(c.eventsAfter(6, 10).isEmpty());
        }
    }

    @Test
    void rejectedCommand_isAResult_andWritesNothing() {
        try (HallController c = start(TestHalls.small(dir))) {
            run(c, new Tick());
            Outcome o = run(c, IssueTicket.walkIn("NOPE"));
            assertFalse(o.accepted());
            assertTrue(o.events().isEmpty());
        }
        try (Journal j = Journal.open(dir)) {
            assertEquals(1, j.lastSequence()); // only the day start
        }
    }

    @Test
    void newBusinessDay_startsANewJournalSegment_andSnapshots() throws Exception {
        HallConfig config = TestHalls.small(dir);
        try (HallController c = start(config)) {
            run(c, IssueTicket.walkIn("PAY"));
            run(c, new CallNext(3));
            run(c, new Finish(3));
            clock.advance(Duration.ofDays(1));
            run(c, IssueTicket.walkIn("PAY"));
        }
        try (Journal j = Journal.open(dir)) {
            assertEquals(List.of("2026-11-23", "2026-11-24"), j.days());
            assertTrue(j.snapshots().latest().isPresent());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.count() >= 3);
        }
    }
}
