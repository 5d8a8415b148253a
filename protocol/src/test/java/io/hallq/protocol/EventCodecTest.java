package io.hallq.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.event.HallEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:06.480Z");

    @Test
    void everyEventType_roundTrips() {
        List<HallEvent> events = List.of(
                new HallEvent.DayStarted(T, "2026-11-23"),
                new HallEvent.TicketIssued(T, "A001", "OPEN", "VIP", T.minusSeconds(1200), 3, 420, true, false,
                        "138****1234", "tok"),
                new HallEvent.TicketCalled(T, "A001", 2),
                new HallEvent.TicketRecalled(T, "A001", 2, 1),
                new HallEvent.TicketNoShow(T, "A001", 2, true),
                new HallEvent.TicketServed(T, "A001", 2, 300),
                new HallEvent.TicketTransferred(T, "A001", 2, "OPEN", "PAY", T),
                new HallEvent.TicketVoided(T, "A001", "print failed"),
                new HallEvent.CounterChanged(T, 3, HallEvent.CounterStatus.PAUSED),
                new HallEvent.ServiceChanged(T, "PAY", false, "系统维护", "Maintenance"),
                new HallEvent.AlarmRaised(T, "EARLY_WARNING", HallEvent.AlarmKind.EARLY_WARNING, "预警", "warning",
                        Map.of("waiting", 7L)),
                new HallEvent.AlarmCleared(T, "EARLY_WARNING"),
                new HallEvent.AlarmRaised(T, "DEVICE:printer", HallEvent.AlarmKind.DEVICE, "缺纸", "paper out",
                        Map.of(), "paper-out"),
                new HallEvent.TicketPrinted(T, "A001"),
                new HallEvent.NoticePosted(T, "暂停", "paused", T.plusSeconds(60), "web:alice"),
                new HallEvent.ServiceChanged(T, "PAY", true, null, null, "mqtt:central"),
                new HallEvent.TicketIssued(T, "A002", "OPEN", "WALKIN", T, 0, 0, false, false, null, "t", true));
        for (HallEvent e : events) {
            assertEquals(e, EventCodec.decode(EventCodec.encode(e)));
        }
    }

    @Test
    void eventsJournaledBeforeAFieldExisted_decodeWithItsDefault() {
        HallEvent issued = EventCodec.decode(("{\"type\":\"TicketIssued\",\"at\":\"2026-11-23T02:00:06.480Z\","
                + "\"ticket\":\"A001\",\"service\":\"OPEN\",\"customerClass\":\"WALKIN\","
                + "\"rank\":\"2026-11-23T02:00:06.480Z\",\"peopleAhead\":0,\"estimatedWaitSeconds\":0,"
                + "\"vipRoom\":false,\"directQueue\":false}").getBytes(StandardCharsets.UTF_8));
        assertEquals(false, ((HallEvent.TicketIssued) issued).paper());
        HallEvent changed = EventCodec.decode(("{\"type\":\"CounterChanged\",\"at\":\"2026-11-23T02:00:06.480Z\","
                + "\"counter\":3,\"status\":\"OPEN\"}").getBytes(StandardCharsets.UTF_8));
        assertNull(((HallEvent.CounterChanged) changed).by());
        HallEvent alarm = EventCodec.decode(("{\"type\":\"AlarmRaised\",\"at\":\"2026-11-23T02:00:06.480Z\","
                + "\"alarmId\":\"DEVICE:printer\",\"kind\":\"DEVICE\",\"messageZh\":\"打印机缺纸,请联系工作人员\","
                + "\"messageEn\":\"Ticket printer out of paper, please ask our staff\",\"figures\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        assertNull(((HallEvent.AlarmRaised) alarm).cause());
        assertEquals("Ticket printer out of paper, please ask our staff", ((HallEvent.AlarmRaised) alarm).messageEn());
    }

    @Test
    void encoding_usesIsoTimesAndATypeTag() {
        String json = new String(EventCodec.encode(new HallEvent.TicketCalled(T, "A001", 2)), StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"TicketCalled\",\"at\":\"2026-11-23T02:00:06.480Z\",\"ticket\":\"A001\",\"counter\":2}",
                json);
    }

    @Test
    void unknownFields_areTolerated_malformedOnesNamed() {
        HallEvent e = EventCodec.decode(("{\"type\":\"TicketCalled\",\"at\":\"2026-11-23T02:00:06Z\","
                + "\"ticket\":\"A001\",\"counter\":2,\"newField\":1}").getBytes(StandardCharsets.UTF_8));
        assertEquals(new HallEvent.TicketCalled(Instant.parse("2026-11-23T02:00:06Z"), "A001", 2), e);
        MalformedMessageException bad = assertThrows(MalformedMessageException.class, () -> EventCodec.decode(
                "{\"type\":\"TicketCalled\",\"at\":\"yesterday\",\"ticket\":\"A001\",\"counter\":2}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(bad.getMessage().contains("yesterday"), bad.getMessage());
    }

    @Test
    void otherIsoForms_stillParse_throughTheGeneralParser() {
        HallEvent e = EventCodec.decode(("{\"type\":\"AlarmCleared\",\"at\":\"2026-11-23T10:00:00+08:00\","
                + "\"alarmId\":\"X\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"), e.at());
    }

    @Property(tries = 2000)
    void fastInstantParser_agreesWithInstantParse(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis,
                                                  @ForAll @LongRange(min = 0, max = 999_999) long extraNanos) {
        Instant t = Instant.ofEpochMilli(millis).plusNanos(extraNanos);
        assertEquals(t, FastInstantDeserializer.parse(t.toString()));
    }

    @Test
    void fastInstantParser_declinesWhatItDoesNotKnow() {
        for (String s : List.of("2026-11-23T02:00:06", "2026-13-23T02:00:06Z", "2026-11-23T24:00:00Z",
                "2026-11-23T02:00:06.Z", "2026-11-23T02:0a:06Z", "2026-02-30T02:00:00Z")) {
            assertNull(FastInstantDeserializer.parse(s), s);
        }
    }
}
