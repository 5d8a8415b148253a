package io.hallq.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hallq.controller.ConfigCheck;
import io.hallq.controller.ControllerMain;
import io.hallq.controller.device.DeviceModule;
import io.hallq.controller.device.HallDevices;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.web.WebModule;
import io.hallq.emulator.broker.EmbeddedBrokerModule;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.sms.VirtualSmsCentre;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator runs the controller's own module list, in the Pi's order, with emulated parts swapped in. */
class EmulatorWiringTest {

    @Test
    void theEmulatorRunsThePisModuleList_inItsOrder_withEmulatedPartsAroundIt() {
        Path example = Path.of("..", "config", "example-hall.yaml");
        var loaded = ConfigCheck.load(example, ConfigCheck.SECTIONS.stream()
                .map(r -> r == WebModule.SECTION ? WebModule.EMULATOR_SECTION : r).toList());
        List<HallModule> pi = ControllerMain.modules();
        List<HallModule> emulated = Emulator.modules(loaded, new EmulatorOptions(example, null, 1, 7, null),
                new EventLog());

        // before the hall's modules: the emulated services it connects to
        assertInstanceOf(EventLog.class, emulated.get(0));
        assertInstanceOf(EmbeddedBrokerModule.class, emulated.get(1));
        assertInstanceOf(VirtualSmsCentre.class, emulated.get(2));
        // the hall's modules: the Pi's, one for one, the devices emulated
        List<HallModule> hall = emulated.subList(3, 3 + pi.size());
        assertInstanceOf(DeviceModule.class, pi.get(0));
        assertInstanceOf(EmulatedDevices.class, hall.get(0));
        assertInstanceOf(HallDevices.class, hall.get(0));
        for (int i = 1; i < pi.size(); i++) {
            assertEquals(pi.get(i).getClass(), hall.get(i).getClass(), "module " + i);
            assertEquals(pi.get(i).name(), hall.get(i).name(), "module " + i);
        }
        // after them: the scripted customers and staff
        assertEquals(pi.size() + 4, emulated.size());
        assertInstanceOf(ScriptedTraffic.class, emulated.getLast());
    }
}
