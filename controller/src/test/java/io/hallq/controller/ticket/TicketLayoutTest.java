package io.hallq.controller.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketLayoutTest {

    private static final TicketSettings SETTINGS = new TicketSettings(80, "http://h:8080/m/", null, null);
    private static final NearbyHall LUJIAZUI = new NearbyHall("陆家嘴营业厅", "Lujiazui Hall", 290, 1200);
    private static final String LINE_ZH = "附近陆家嘴营业厅约等 5 分钟,距此 1200 米";
    private static final String LINE_EN = "About 5 min at Lujiazui Hall, 1200 m away";

    private static TicketIssued issued(String service, long waitSeconds) {
        return new TicketIssued(TestHalls.MONDAY_10AM, "A007", service, "WALKIN", TestHalls.MONDAY_10AM, 6,
                waitSeconds, false, false, null, "tok");
    }

    /** True when the bytes print {@code text} as one line (GBK, then LF). */
    private static boolean prints(byte[] bytes, String text) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(EscPos.encode(text));
        line.write(EscPos.LF);
        byte[] needle = line.toByteArray();
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aNearbyHallWithAShorterWait_isPrintedInBothLanguages_afterTheWait() {
        List<String> asked = new ArrayList<>();
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, service -> {
            asked.add(service);
            return Optional.of(LUJIAZUI);
        });
        TicketContent content = layout.content(issued("OPEN", 1800));
        byte[] bytes = layout.escPos(content);

        assertEquals(List.of("OPEN"), asked, "asked for the ticket's own service");
        assertEquals(LUJIAZUI, content.nearby());
        assertTrue(prints(bytes, LINE_ZH), "Chinese line");
        assertTrue(prints(bytes, LINE_EN), "English line");
        String waitLine = "预计等候约 30 分钟 / Est. wait 30 min";
        assertTrue(prints(bytes, waitLine + "\n" + LINE_ZH), "right after the wait");
    }

    @Test
    void withoutASuggestion_theTicketHasNoNearbyLine() {
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, service -> Optional.empty());
        byte[] bytes = layout.escPos(layout.content(issued("OPEN", 1800)));
        assertFalse(prints(bytes, LINE_ZH));
        assertFalse(prints(bytes, LINE_EN));
        assertTrue(prints(bytes, "预计等候约 30 分钟 / Est. wait 30 min"), "the ticket itself is whole");
        TicketLayout plain = new TicketLayout(TestHalls.small(), SETTINGS);
        assertNull(plain.content(issued("OPEN", 1800)).nearby());
    }

    @Test
    void aTicketWhoseOwnWaitIsNoLonger_isNotSentAway() {
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, service -> Optional.of(LUJIAZUI));
        assertNull(layout.content(issued("OPEN", 290)).nearby(), "a VIP head start: 290 s here too");
        assertEquals(LUJIAZUI, layout.content(issued("OPEN", -1)).nearby(), "nobody here serves it today");
    }

    @Test
    void on58mmPaper_everySentenceBreaksToThe32Columns_theNearbyHallInTwoLines() {
        TicketSettings narrow = new TicketSettings(58, null, "每月6日至25日 11:30-15:00 人少,欢迎错峰办理",
                "Quieter 11:30-15:00, 6th-25th of each month");
        TicketLayout layout = new TicketLayout(TestHalls.small(), narrow,
                service -> Optional.of(new NearbyHall("浦东陆家嘴营业厅", "Lujiazui Hall", 290, 1200)));
        byte[] bytes = layout.escPos(layout.content(issued("OPEN", 1800)));

        assertTrue(prints(bytes, "预计等候约 30 分钟\nEst. wait 30 min"), "the wait, a line per language");
        assertTrue(prints(bytes, "附近浦东陆家嘴营业厅\n约等 5 分钟,距此 1200 米\nAbout 5 min at Lujiazui Hall,\n1200 m away"),
                "the nearby hall in two lines per language");
        assertTrue(prints(bytes, "每月6日至25日 11:30-15:00 人少,\n欢迎错峰办理"), "the footer");
        assertTrue(prints(bytes, "Quieter 11:30-15:00, 6th-25th of\neach month"), "the English footer");
        assertEquals(32, narrow.paperDots() / EscPos.DOTS_PER_COLUMN);
    }

    @Test
    void on80mmPaper_theSameSentencesStayOnOneLine() {
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS,
                service -> Optional.of(new NearbyHall("浦东陆家嘴营业厅", "Lujiazui Hall", 290, 1200)));
        byte[] bytes = layout.escPos(layout.content(issued("OPEN", 1800)));
        assertTrue(prints(bytes, "预计等候约 30 分钟 / Est. wait 30 min\n附近浦东陆家嘴营业厅约等 5 分钟,距此 1200 米"));
    }

    @Test
    void aFailingSuggestionSource_stillPrintsTheTicket_withoutTheLine() {
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, service -> {
            throw new IllegalStateException("advisor broken");
        });
        TicketContent content = layout.content(issued("OPEN", 1800));
        assertNull(content.nearby());
        assertTrue(prints(layout.escPos(content), "A007"), "the ticket number");
    }
}
