package io.hallq.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.device.AmplifierSwitch;
import io.hallq.controller.device.CentralLookup;
import io.hallq.controller.device.HallDevices;
import io.hallq.controller.device.PhoneKeeper;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.voice.AudioSink;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one module list: its order, and the seams through which other parts are swapped in. */
class HallWiringTest {

    /** A module that does nothing, by name. */
    private record Named(String name) implements HallModule {
        @Override
        public void start(HallContext context) {}

        @Override
        public void close() {}
    }

    private static final class FakeDevices implements HallDevices {
        PhoneKeeper keeper;
        CentralLookup central;
        NearbyHalls nearby;

        @Override
        public String name() {
            return "fake-devices";
        }

        @Override
        public void start(HallContext context) {}

        @Override
        public void close() {}

        @Override
        public Optional<AmplifierSwitch> amplifier() {
            return Optional.empty();
        }

        @Override
        public HallDevices keepPhonesWith(PhoneKeeper keeper) {
            this.keeper = keeper;
            return this;
        }

        @Override
        public HallDevices lookUpCentrallyWith(CentralLookup lookup) {
            this.central = lookup;
            return this;
        }
    }

    @Test
    void theHallsModulesStartInOneOrder_betweenThePartsBeforeAndAfter() {
        FakeDevices devices = new FakeDevices();
        List<HallModule> modules = HallWiring.modules(new HallWiring.Parts() {
            @Override
            public HallDevices devices(NearbyHalls nearby) {
                devices.nearby = nearby;
                return devices;
            }

            @Override
            public Supplier<AudioSink> sound() {
                return () -> {
                    throw new AssertionError("no announcement here");
                };
            }

            @Override
            public List<HallModule> before() {
                return List.of(new Named("broker"));
            }

            @Override
            public List<HallModule> after() {
                return List.of(new Named("traffic"));
            }
        });
        assertEquals(List.of("broker", "fake-devices", "voice", "mqtt", "notify", "booking-capacity", "web",
                "board-publisher",
                "board-notices", "traffic"), modules.stream().map(HallModule::name).toList());
        assertSame(devices, modules.get(1));
        assertTrue(devices.keeper != null && devices.central != null && devices.nearby != null,
                "the devices were given the notification module's keeper, MQTT's lookup and neighbour advice");
    }

    @Test
    void thePiRunsTheSameList() {
        assertEquals(List.of("devices", "voice", "mqtt", "notify", "booking-capacity", "web", "board-publisher",
                "board-notices"),
                ControllerMain.modules().stream().map(HallModule::name).toList());
    }
}
