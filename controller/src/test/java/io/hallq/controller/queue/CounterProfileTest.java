package io.hallq.controller.queue;

import static io.hallq.controller.TestHalls.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallq.controller.TestHalls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.queue.Command.CallNext;
import io.hallq.controller.queue.Command.SetCounterProfile;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.CounterProfileChanged;
import io.hallq.protocol.event.HallEvent.ProfileLine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterProfileTest {

    private final EngineHarness h = EngineHarness.small();

    @Test
    void setProfile_emitsTheNewLines_andSelectionUsesThem() {
        h.issue("OPEN");
        h.issue("PAY");
        CounterProfileChanged e = EngineHarness.only(h.ok(new SetCounterProfile(3, List.of(entry("PAY", 5)))),
                CounterProfileChanged.class);
        assertEquals(List.of(new ProfileLine("PAY", List.of(), 300)), e.profile());
        assertEquals("E001", h.callNext(3), "counter 3 now takes only PAY");
        assertNull(h.callNext(3), "OPEN is no longer in its profile: finishing E001 calls nobody");
    }

    @Test
    void emptyProfile_takesNothing() {
        h.issue("OPEN");
        h.ok(new SetCounterProfile(3, List.of()));
        assertEquals(RejectReason.NOBODY_WAITING, h.rejected(new CallNext(3)).reason());
        assertEquals("A001", h.callNext(2));
    }

    @Test
    void estimate_countsOnlyCountersWhoseCurrentProfileTakesTheService() {
        h.ok(new SetCounterProfile(2, List.of(entry("PAY", 0))));
        h.ok(new SetCounterProfile(3, List.of(entry("PAY", 0))));
        // OPEN is now served by nobody open in the ordinary hall; counter 1 (VIP room) takes only VIP
        assertEquals(-1, h.issue("OPEN").estimatedWaitSeconds());
    }

    @Test
    void badProfiles_areRejected_andChangeNothing() {
        assertEquals(RejectReason.UNKNOWN_COUNTER,
                h.rejected(new SetCounterProfile(9, List.of(entry("PAY", 0)))).reason());
        assertEquals(RejectReason.UNKNOWN_SERVICE,
                h.rejected(new SetCounterProfile(3, List.of(entry("PAYY", 0)))).reason());
        assertEquals(RejectReason.UNKNOWN_CLASS,
                h.rejected(new SetCounterProfile(3, List.of(entry("PAY", 0, "GOLD")))).reason());
        assertEquals(RejectReason.INVALID,
                h.rejected(new SetCounterProfile(3, List.of(entry("PAY", 0), entry("PAY", 1)))).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new SetCounterProfile(3,
                List.of(new io.hallq.controller.config.CounterConfig.ProfileEntry("PAY", List.of(),
                        Duration.ofSeconds(-1))))).reason());
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new SetCounterProfile(3,
                h.engine.state().counter(3).config().profile())).reason());
        assertEquals(h.engine.state().counter(3).config().profile(), h.engine.state().counter(3).profile());
    }

    @Test
    void newBusinessDay_restoresTheConfiguredProfile() {
        h.ok(new SetCounterProfile(3, List.of(entry("PAY", 0))));
        h.advance(Duration.ofDays(1));
        h.issue("OPEN");
        assertEquals(h.engine.state().counter(3).config().profile(), h.engine.state().counter(3).profile());
    }

    @Test
    void replayAndSnapshot_rebuildTheChangedProfile() throws java.io.IOException {
        h.ok(new SetCounterProfile(3, List.of(entry("PAY", 2, "GOTONE"))));
        QueueState replayed = new QueueState(TestHalls.small());
        for (HallEvent e : h.journal) {
            replayed.apply(EventCodec.decode(EventCodec.encode(e)));
        }
        assertEquals(h.engine.state().counter(3).profile(), replayed.counter(3).profile());
        ObjectMapper mapper = EventCodec.newMapper();
        QueueState restored = QueueState.restore(TestHalls.small(), mapper.readValue(
                mapper.writeValueAsBytes(QueueSnapshot.of(h.engine.state())), QueueSnapshot.class));
        assertEquals(h.engine.state().counter(3).profile(), restored.counter(3).profile());
    }
}
