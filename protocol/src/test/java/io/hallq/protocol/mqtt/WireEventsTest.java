package io.hallq.protocol.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.WireEvents;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What leaves the hall is the journaled event whole, but for its secret fields. */
class WireEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Set<String> fields(JsonNode n) {
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void everyEventType_onTheWire_carriesEveryJournaledField_withTheJournaledValue() throws Exception {
        Set<Class<?>> types = new HashSet<>();
        for (HallEvent e : Samples.events()) {
            types.add(e.getClass());
            JsonNode journaled = JSON.readTree(EventCodec.encode(e));
            byte[] wire = MqttCodec.encode(EventMessage.of(Samples.HALL, 7, WireEvents.withoutSecrets(e)));
            JsonNode sent = JSON.readTree(wire).path("event");
            assertEquals(fields(journaled), fields(sent), e.getClass().getSimpleName());
            for (String f : fields(journaled)) {
                if (!WireEvents.SECRET.contains(f)) {
                    assertEquals(journaled.get(f), sent.get(f), e.getClass().getSimpleName() + "." + f);
                }
            }
        }
        assertEquals(HallEvent.class.getPermittedSubclasses().length, types.size(), "a sample of every event type");
    }

    @Test
    void bookingsAndRemoteTickets_leaveTheHall_withoutPhoneHashOrToken_andOnlyAMaskedNumber() throws Exception {
        String hash = "9f".repeat(32);
        HallEvent.BookingMade booked = new HallEvent.BookingMade(Samples.AT, "B000001", "OPEN", Samples.AT, 30,
                "13812345678", hash, "booking-page-token-123", "web", null);
        HallEvent.TicketIssued remote = new HallEvent.TicketIssued(Samples.AT, "B007", "SIM", "WALKIN", Samples.AT, 0,
                60, false, false, "138****5678", "mobile-token-1234567", false, HallEvent.TicketOrigin.REMOTE, null,
                hash);
        HallEvent.TicketCheckedIn checkedIn = new HallEvent.TicketCheckedIn(Samples.AT, "B007", 0, 60,
                "print-token-123456789");
        for (HallEvent e : java.util.List.of(booked, remote, checkedIn)) {
            String wire = new String(MqttCodec.encode(EventMessage.of(Samples.HALL, 7, WireEvents.withoutSecrets(e))),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(!wire.contains(hash) && !wire.contains("token-") && !wire.contains("13812345678"), wire);
            assertEquals("", Schemas.errors(Schemas.fileFor(EventMessage.class),
                    wire.getBytes(java.nio.charset.StandardCharsets.UTF_8)), wire);
        }
        assertEquals("138****5678", ((HallEvent.BookingMade) WireEvents.withoutSecrets(booked)).phoneMasked());
        assertEquals(HallEvent.TicketOrigin.REMOTE, ((HallEvent.TicketIssued) WireEvents.withoutSecrets(remote)).origin());
    }

    @Test
    void paperTicket_staysAPaperTicket() {
        HallEvent.TicketIssued paper = new HallEvent.TicketIssued(Samples.AT, "A013", "OPEN", "WALKIN", Samples.AT,
                4, 600, false, false, "138****5678", "secret-token", true);
        HallEvent.TicketIssued out = (HallEvent.TicketIssued) WireEvents.withoutSecrets(paper);
        assertTrue(out.paper());
        assertNull(out.token());
        assertEquals(new HallEvent.TicketIssued(Samples.AT, "A013", "OPEN", "WALKIN", Samples.AT, 4, 600, false,
                false, "138****5678", null, true), out);
    }

    @Test
    void token_staysInTheHall_andAClearPhoneLeavesMasked() {
        HallEvent.TicketIssued e = new HallEvent.TicketIssued(Samples.AT, "A001", "OPEN", "VIP", Samples.AT, 0, 0,
                true, false, "13812345678", "secret-token");
        HallEvent.TicketIssued out = (HallEvent.TicketIssued) WireEvents.withoutSecrets(e);
        assertNull(out.token());
        assertEquals("138****5678", out.phoneMasked());
        assertEquals(e.ticket(), out.ticket());
    }

    @Test
    void eventWithNothingSecret_isPassedOnAsIs() {
        HallEvent e = Samples.events().get(3);
        assertSame(e, WireEvents.withoutSecrets(e));
    }
}
