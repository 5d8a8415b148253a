package io.hallq.controller.queue;

import static io.hallq.controller.TestHalls.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command.By;
import io.hallq.controller.queue.Command.MarkPrinted;
import io.hallq.controller.queue.Command.PostNotice;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.CounterChanged;
import io.hallq.protocol.event.HallEvent.CounterProfileChanged;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import io.hallq.protocol.event.HallEvent.ServiceChanged;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.event.HallEvent.TicketPrinted;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who asked for a manager action, board notices in the journal, and paper tickets' printing. */
class ActorNoticePrintTest {

    private final EngineHarness h = EngineHarness.small();

    @Test
    void managerActions_onSomeonesBehalf_journalWhoAsked() {
        ServiceChanged off = EngineHarness.only(h.ok(new By(new Actor("web:alice"),
                new Command.SetService("PAY", false, "维护", "Maintenance"))), ServiceChanged.class);
        assertEquals("web:alice", off.by());
        CounterChanged paused = EngineHarness.only(h.ok(new By(new Actor("mqtt:central"), new Command.Pause(2))),
                CounterChanged.class);
        assertEquals("mqtt:central", paused.by());
        CounterProfileChanged profile = EngineHarness.only(h.ok(new By(new Actor("web:bob"),
                new Command.SetCounterProfile(3, List.of(entry("OPEN", 0))))), CounterProfileChanged.class);
        assertEquals("web:bob", profile.by());
    }

    @Test
    void actionsFromKeysAndTheDay_carryNoActor() {
        CounterChanged paused = EngineHarness.only(h.ok(new Command.Pause(2)), CounterChanged.class);
        assertNull(paused.by());
        ServiceChanged off = EngineHarness.only(h.ok(new Command.SetService("PAY", false, null, null)),
                ServiceChanged.class);
        assertNull(off.by());
    }

    @Test
    void actorOfOneCommand_doesNotLeakIntoTheNext() {
        h.ok(new By(new Actor("web:alice"), new Command.Pause(2)));
        assertNull(EngineHarness.only(h.ok(new Command.Resume(2)), CounterChanged.class).by());
    }

    @Test
    void badActors_andNestedOnes_areRejected() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new Actor("web alice"));
        assertEquals("an actor is 1-64 letters, digits or '_.@:-', not web alice", bad.getMessage());
        assertTrue(Actor.parse("web alice").isEmpty());
        assertEquals(RejectReason.INVALID, h.rejected(new By(null, new Command.Pause(2))).reason());
        assertEquals(RejectReason.INVALID,
                h.rejected(new By(new Actor("web:a"), new By(new Actor("web:b"), new Command.Pause(2)))).reason());
        assertEquals(HallEvent.CounterStatus.OPEN, h.engine.state().counter(2).status(), "nothing changed");
    }

    @Test
    void notice_isJournaled_replacesTheOldOne_andExpires() {
        NoticePosted first = EngineHarness.only(h.ok(new By(new Actor("mqtt:central"),
                new PostNotice(" 今日16点停办开户 ", "No new accounts after 16:00", h.now.plusSeconds(3600)))),
                NoticePosted.class);
        assertEquals("今日16点停办开户", first.textZh(), "texts are trimmed");
        assertEquals("mqtt:central", first.by());
        h.advance(Duration.ofMinutes(1));
        h.ok(new PostNotice("系统升级", "System upgrade", h.now.plusSeconds(600)));
        assertEquals("System upgrade", h.engine.state().notice(h.now).orElseThrow().textEn());
        assertTrue(h.engine.state().notice(h.now.plusSeconds(601)).isEmpty(), "expired");
    }

    @Test
    void notice_canBeWithdrawn_onlyWhenOneShows() {
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new PostNotice(null, null, null)).reason());
        h.ok(new PostNotice("暂停", "Paused", h.now.plusSeconds(600)));
        h.ok(new PostNotice(null, null, null));
        assertTrue(h.engine.state().notice(h.now).isEmpty());
    }

    @Test
    void badNotices_areRejected_andChangeNothing() {
        assertEquals(RejectReason.INVALID, h.rejected(new PostNotice("", "x", h.now.plusSeconds(60))).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new PostNotice("x", " ", h.now.plusSeconds(60))).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new PostNotice("x", "x", h.now)).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new PostNotice("x", "x", h.now.plus(Duration.ofHours(25))))
                .reason());
        assertEquals(RejectReason.INVALID, h.rejected(new PostNotice("长".repeat(201), "x", h.now.plusSeconds(60)))
                .reason());
        assertTrue(h.engine.state().notice(h.now).isEmpty());
    }

    @Test
    void paperTicket_awaitsPrint_untilMarkedPrinted_once() {
        TicketIssued t = EngineHarness.only(h.ok(new Command.IssueTicket("OPEN", null, null, "tok", true)),
                TicketIssued.class);
        assertTrue(t.paper());
        assertEquals(List.of(t.ticket()), h.engine.state().awaitingPrint().stream().map(Ticket::number).toList());
        EngineHarness.only(h.ok(new MarkPrinted(t.ticket())), TicketPrinted.class);
        assertTrue(h.engine.state().awaitingPrint().isEmpty());
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new MarkPrinted(t.ticket())).reason());
        assertEquals(RejectReason.UNKNOWN_TICKET, h.rejected(new MarkPrinted("Z999")).reason());
    }

    @Test
    void ticketWithoutPaper_neverAwaitsPrint() {
        TicketIssued t = h.issue("OPEN");
        assertFalse(t.paper());
        assertTrue(h.engine.state().awaitingPrint().isEmpty());
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new MarkPrinted(t.ticket())).reason());
    }

    @Test
    void voidedPaperTicket_noLongerAwaitsPrint() {
        TicketIssued t = EngineHarness.only(h.ok(new Command.IssueTicket("OPEN", null, null, "tok", true)),
                TicketIssued.class);
        h.ok(new Command.VoidTicket(t.ticket(), "print failed"));
        assertTrue(h.engine.state().awaitingPrint().isEmpty());
    }

    @Test
    void replayAndSnapshot_keepTheNotice_andWhatAwaitsPrint() throws java.io.IOException {
        h.ok(new Command.IssueTicket("OPEN", null, null, "t1", true));
        TicketIssued printed = EngineHarness.only(h.ok(new Command.IssueTicket("OPEN", null, null, "t2", true)),
                TicketIssued.class);
        h.ok(new MarkPrinted(printed.ticket()));
        h.ok(new By(new Actor("mqtt:central"), new PostNotice("暂停", "Paused", h.now.plusSeconds(600))));
        QueueState replayed = new QueueState(TestHalls.small());
        for (HallEvent e : h.journal) {
            replayed.apply(EventCodec.decode(EventCodec.encode(e)));
        }
        ObjectMapper mapper = EventCodec.newMapper();
        QueueState restored = QueueState.restore(TestHalls.small(), mapper.readValue(
                mapper.writeValueAsBytes(QueueSnapshot.of(h.engine.state())), QueueSnapshot.class));
        for (QueueState s : List.of(replayed, restored)) {
            assertEquals(List.of("A001"), s.awaitingPrint().stream().map(Ticket::number).toList());
            assertEquals("mqtt:central", s.notice(h.now).orElseThrow().by());
        }
    }
}
