package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.device.PrinterFault;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device fault journaled before a restart is taken back when the device is fine after it (paper loaded while
 * the power was off), and kept, journaled once, when it is still there.
 */
class DeviceFaultRestartTest {

    /** Settles 3 s after a start: stuckAfter 2 s (longer than two 500 ms status polls) plus a second. */
    private static final UnaryOperator<String> QUICK = y -> y.replace("stuckAfter: 10s", "stuckAfter: 2s");

    @TempDir
    Path dir;

    private static boolean printerAlarm(HardwareHall h) {
        return h.query(s -> s.alarms().values().stream().anyMatch(a -> PrinterFault.of(a).isPresent()));
    }

    private void paperOutThenStop() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.printer().paperOut(true);
            HardwareHall.await("the paper-out alarm", Duration.ofSeconds(10), () -> printerAlarm(h));
        }
    }

    @Test
    void paperLoadedWhileTheControllerWasOff_clearsThePaperOutAlarmAfterTheStart() {
        paperOutThenStop();
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) { // a new roll: paper in
            HardwareHall.await("the alarm taken back", Duration.ofSeconds(15), () -> !printerAlarm(h));
            assertTrue(h.runtime.hall().eventsAfter(0, 10_000).stream().anyMatch(e -> e.event()
                    instanceof HallEvent.AlarmCleared c && c.alarmId().equals(PrinterFault.ALARM_ID)),
                    "journaled as cleared, so the board, the statistics and central all know");
        }
    }

    @Test
    void paperStillOutAfterTheRestart_keepsTheAlarm_withoutJournalingItAgain() throws Exception {
        paperOutThenStop();
        EmulatedDevices devices = new EmulatedDevices();
        devices.printer().paperOut(true); // still no paper when the power comes back
        try (HardwareHall h = HardwareHall.start(dir, QUICK, devices)) {
            long start = h.runtime.hall().lastSequence();
            HardwareHall.await("the device module settled the faults from before", Duration.ofSeconds(15),
                    () -> h.devices.module().settled());
            assertTrue(printerAlarm(h), "still out of paper");
            List<HallEvent> since = h.runtime.hall().eventsAfter(start, 1000).stream().map(e -> e.event())
                    .filter(e -> e instanceof HallEvent.AlarmRaised || e instanceof HallEvent.AlarmCleared).toList();
            assertEquals(List.of(), since, "the same fault is neither cleared nor raised again");
        }
    }

    @Test
    void alarmsOfOtherModules_areLeftToThem() throws Exception {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.runtime.hall().submit(new io.hallq.controller.queue.Command.DeviceFault("mqtt", "MQTT 订阅被拒绝",
                    "The MQTT broker refused subscriptions", "subscription-refused")).join();
            h.runtime.hall().submit(new io.hallq.controller.queue.Command.DeviceFault("voice-audio-output",
                    "广播设备故障", "Announcement device fault")).join();
        }
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            HardwareHall.await("the device module settled the faults from before", Duration.ofSeconds(15),
                    () -> h.devices.module().settled()); // what it cleared is submitted by then, queried after
            assertEquals(List.of("DEVICE:mqtt", "DEVICE:voice-audio-output"), h.query(s -> s.alarms().keySet()
                    .stream().sorted().toList()), "only the MQTT and voice modules may clear theirs");
        }
    }
}
