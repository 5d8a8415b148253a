package io.hallq.controller.ticket;

import static io.hallq.controller.ticket.PrintedText.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.protocol.event.HallEvent.TicketIssued;
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

    @Test
    void aNearbyHallWithAShorterWait_isPrintedInBothLanguages_afterTheWait() {
        List<String> asked = new ArrayList<>();
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, (service, wait) -> {
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
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, (service, wait) -> Optional.empty());
        byte[] bytes = layout.escPos(layout.content(issued("OPEN", 1800)));
        assertFalse(prints(bytes, LINE_ZH));
        assertFalse(prints(bytes, LINE_EN));
        assertTrue(prints(bytes, "预计等候约 30 分钟 / Est. wait 30 min"), "the ticket itself is whole");
        TicketLayout plain = new TicketLayout(TestHalls.small(), SETTINGS);
        assertNull(plain.content(issued("OPEN", 1800)).nearby());
    }

    @Test
    void theSourceDecides_givenTheTicketsOwnServiceAndWait() {
        List<String> asked = new ArrayList<>();
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, (service, wait) -> {
            asked.add(service + " " + wait);
            return wait < 0 || wait > 600 ? Optional.of(LUJIAZUI) : Optional.empty();
        });
        assertNull(layout.content(issued("OPEN", 290)).nearby(), "a VIP head start: 290 s here too");
        assertEquals(LUJIAZUI, layout.content(issued("OPEN", -1)).nearby(), "nobody here serves it today");
        assertEquals(List.of("OPEN 290", "OPEN -1"), asked);
    }

    @Test
    void aFailingSuggestionSource_stillPrintsTheTicket_withoutTheLine() {
        TicketLayout layout = new TicketLayout(TestHalls.small(), SETTINGS, (service, wait) -> {
            throw new IllegalStateException("advisor broken");
        });
        TicketContent content = layout.content(issued("OPEN", 1800));
        assertNull(content.nearby());
        assertTrue(prints(layout.escPos(content), "A007"), "the ticket number");
    }
}
