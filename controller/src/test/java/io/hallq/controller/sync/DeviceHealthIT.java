package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device health, retained per device, follows the journaled DEVICE alarms, also across a restart (Mosquitto). */
class DeviceHealthIT {

    private static final String HALL = "hall-d";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    private Mosquitto broker;
    private SyncHalls.Running hall;

    @AfterEach
    void tearDown() {
        if (hall != null) {
            hall.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private SyncHalls.Running startHall() {
        return SyncHalls.start(SyncHalls.loaded(HALL, dir.resolve(HALL), SyncHalls.mqtt(broker.uri(), "")), clock);
    }

    private DeviceHealth health(String device, DeviceHealth.State state) {
        return Retained.await(broker.uri(), Topics.device(HALL, device), DeviceHealth.class,
                h -> h.state() == state);
    }

    @Test
    void aPrinterFault_isFailed_paperLowAndAStuckKeyDegraded_andRecoveryOk_retainedPerDevice() {
        broker = Mosquitto.start(dir.resolve("broker"));
        hall = startHall();
        var h = hall.runtime().hall();
        h.submit(new Command.DeviceFault("printer", "打印机缺纸", "Ticket printer out of paper", "paper-out")).join();
        h.submit(new Command.DeviceFault("printer-paper", "纸将尽", "Paper low", "near-end")).join();
        h.submit(new Command.DeviceFault("button-PAY", "按键卡住", "Button PAY stuck", "stuck-key")).join();

        DeviceHealth printer = health("printer", DeviceHealth.State.FAILED);
        assertTrue(printer.detail().contains("out of paper") && printer.detail().contains("paper-out"),
                printer.detail());
        health("printer-paper", DeviceHealth.State.DEGRADED);
        assertEquals(HALL, health("button-pay", DeviceHealth.State.DEGRADED).hall(), "a topic segment: lower case");

        h.submit(new Command.DeviceRecovered("printer")).join();
        health("printer", DeviceHealth.State.OK);
    }

    @Test
    void afterARestart_theHealthComesFromTheJournal_andIsPublishedOnConnect() {
        broker = Mosquitto.start(dir.resolve("broker"));
        hall = startHall();
        hall.runtime().hall().submit(new Command.DeviceFault("voice-speaker", "广播设备故障", "Speaker gone")).join();
        health("voice-speaker", DeviceHealth.State.FAILED);
        hall.close();
        hall = null;
        broker.close();

        broker = Mosquitto.start(dir.resolve("broker2")); // a fresh broker: nothing retained from before
        hall = startHall();
        assertTrue(health("voice-speaker", DeviceHealth.State.FAILED).detail().contains("Speaker gone"));
    }
}
