package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallq.protocol.event.HallEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxScrubTest {

    @Test
    void ticketToken_staysInTheHall_andPhoneLeavesMasked() {
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        HallEvent.TicketIssued e = new HallEvent.TicketIssued(t, "A001", "OPEN", "VIP", t, 0, 0, true, false,
                "13812345678", "secret-token");
        HallEvent.TicketIssued out = (HallEvent.TicketIssued) Outbox.scrub(e);
        assertNull(out.token());
        assertEquals("138****5678", out.phoneMasked());
        assertEquals(e.ticket(), out.ticket());
    }
}
