package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.event.HallEvent.NoticePosted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoticeBoardTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private final NoticeBoard board = new NoticeBoard(Clock.fixed(T, ZoneOffset.UTC));

    @Test
    void newerNotice_wins_whateverOrderTheyArriveIn() {
        NoticePosted older = new NoticePosted(T.minusSeconds(60), "旧", "old", T.plusSeconds(600), "mqtt:central");
        NoticePosted newer = new NoticePosted(T.minusSeconds(30), "新", "new", T.plusSeconds(600), "web:alice");
        board.show(newer);
        board.show(older);
        assertEquals("new", board.current().orElseThrow().textEn());
        assertEquals("web:alice", board.current().orElseThrow().issuer(), "non-MQTT actors keep their prefix");
    }

    @Test
    void withdrawal_andExpiry_leaveNothingToShow() {
        board.show(new NoticePosted(T.minusSeconds(60), "通知", "notice", T.plusSeconds(600), "mqtt:central"));
        assertEquals("central", board.current().orElseThrow().issuer());
        board.show(new NoticePosted(T.minusSeconds(10), "", "", T.minusSeconds(10), "mqtt:central"));
        assertTrue(board.current().isEmpty());
        NoticeBoard expired = new NoticeBoard(Clock.fixed(T, ZoneOffset.UTC));
        expired.show(new NoticePosted(T.minusSeconds(600), "通知", "notice", T, null));
        assertTrue(expired.current().isEmpty());
    }
}
