package io.hallq.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallq.protocol.event.HallEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HallBoardTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void calls_showNowServingPerCounter_andTheLatestCallsNewestFirst() {
        HallBoard board = new HallBoard(2);
        board.apply(new HallEvent.TicketCalled(T, "A001", 2));
        board.apply(new HallEvent.TicketCalled(T, "E001", 3));
        board.apply(new HallEvent.TicketRecalled(T, "E001", 3, 1));
        assertEquals(Map.of(2, "A001", 3, "E001"), board.serving());
        assertEquals(List.of(new HallBoard.Call("E001", 3, true), new HallBoard.Call("E001", 3, false)),
                board.latestCalls());
    }

    @Test
    void servedOrNoShow_clearsTheCounter_butOnlyForItsOwnTicket() {
        HallBoard board = new HallBoard(5);
        board.apply(new HallEvent.TicketCalled(T, "A001", 2));
        board.apply(new HallEvent.TicketServed(T, "A001", 2, 60));
        board.apply(new HallEvent.TicketCalled(T, "A002", 2));
        board.apply(new HallEvent.TicketNoShow(T, "A001", 2, false));
        assertEquals(Map.of(2, "A002"), board.serving());
        board.apply(new HallEvent.DayStarted(T, "2026-11-24"));
        assertEquals(Map.of(), board.serving());
    }

    @Test
    void history_mustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new HallBoard(0));
    }

    @Test
    void callText_isBilingual_andRoundsWaitsUp() {
        assertEquals("请 A012 号到 3 号窗口办理", CallText.call("A012", 3).zh());
        assertEquals("Number A012, please go to counter 3", CallText.call("A012", 3).en());
        CallText.Bilingual issued = CallText.issued("A012", 4, 61, true);
        assertEquals("您的号码 A012,前面还有 4 人,预计等候约 2 分钟,请到贵宾室等候", issued.zh());
        assertEquals("Your number is A012, 4 ahead of you, wait about 2 min; please wait in the VIP room",
                issued.en());
        assertEquals("Your number is A001, 0 ahead of you, wait unknown", CallText.issued("A001", 0, -1, false).en());
    }
}
