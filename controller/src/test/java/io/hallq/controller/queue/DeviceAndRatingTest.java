package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceAndRatingTest {

    private final EngineHarness h = EngineHarness.small();

    @Test
    void deviceFault_raisesADeviceAlarm_andRecoveryClearsIt() {
        AlarmRaised raised = EngineHarness.only(h.ok(new DeviceFault("printer", "缺纸", "Paper out")),
                AlarmRaised.class);
        assertEquals("DEVICE:printer", raised.alarmId());
        assertEquals(AlarmKind.DEVICE, raised.kind());
        assertTrue(h.engine.state().alarms().containsKey("DEVICE:printer"));

        AlarmCleared cleared = EngineHarness.only(h.ok(new DeviceRecovered("printer")), AlarmCleared.class);
        assertEquals("DEVICE:printer", cleared.alarmId());
        assertFalse(h.engine.state().alarms().containsKey("DEVICE:printer"));
    }

    @Test
    void deviceFault_sameFaultTwice_isRejected_aChangedFaultIsRaisedAgain() {
        h.ok(new DeviceFault("printer", "缺纸", "Paper out"));
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new DeviceFault("printer", "缺纸", "Paper out")).reason());
        h.ok(new DeviceFault("printer", "纸仓盖打开", "Cover open"));
        assertEquals("Cover open", h.engine.state().alarms().get("DEVICE:printer").messageEn());
        h.ok(new DeviceFault("printer", "纸仓盖打开", "Cover open", "cover-open"));
        assertEquals("cover-open", h.engine.state().alarms().get("DEVICE:printer").cause(), "a cause is a change");
        assertEquals(RejectReason.ALREADY_IN_STATE,
                h.rejected(new DeviceFault("printer", "纸仓盖打开", "Cover open", "cover-open")).reason());
    }

    @Test
    void deviceFault_badIdOrBlankMessage_isRejected() {
        assertEquals(RejectReason.INVALID, h.rejected(new DeviceFault("bad id!", "x", "x")).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new DeviceFault("printer", " ", "x")).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new DeviceFault("printer", "缺纸", "Paper out", "Paper Out!")).reason());
        assertEquals(RejectReason.ALREADY_IN_STATE, h.rejected(new DeviceRecovered("printer")).reason());
        assertTrue(h.engine.state().alarms().isEmpty());
    }

    @Test
    void rating_goesToTheTicketTheCounterServedLast_once() {
        String ticket = h.issue("PAY").ticket();
        assertEquals(ticket, h.callNext(1));
        assertEquals(RejectReason.NOTHING_TO_RATE, h.rejected(new RateService(1, 3)).reason());
        h.ok(new Finish(1));

        ServiceRated rated = EngineHarness.only(h.ok(new RateService(1, 3)), ServiceRated.class);
        assertEquals(ticket, rated.ticket());
        assertEquals(1, rated.counter());
        assertEquals(3, rated.rating());
        assertEquals(RejectReason.NOTHING_TO_RATE, h.rejected(new RateService(1, 4)).reason());
    }

    @Test
    void rating_outOfRange_isRejected() {
        h.issue("PAY");
        h.callNext(1);
        h.ok(new Finish(1));
        assertEquals(RejectReason.INVALID, h.rejected(new RateService(1, 0)).reason());
        assertEquals(RejectReason.INVALID, h.rejected(new RateService(1, 5)).reason());
        assertEquals(RejectReason.UNKNOWN_COUNTER, h.rejected(new RateService(99, 1)).reason());
    }

    @Test
    void lastServed_survivesASnapshot_andReplay() {
        String ticket = h.issue("PAY").ticket();
        h.callNext(1);
        h.ok(new Finish(1));
        QueueState restored = QueueState.restore(h.engine.state().config(), QueueSnapshot.of(h.engine.state()));
        assertEquals(ticket, restored.counter(1).lastServed());

        QueueState replayed = new QueueState(h.engine.state().config());
        List.copyOf(h.journal).forEach(replayed::apply);
        assertEquals(ticket, replayed.counter(1).lastServed());
    }
}
