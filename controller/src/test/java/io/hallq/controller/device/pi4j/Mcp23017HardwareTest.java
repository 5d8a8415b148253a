package io.hallq.controller.device.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.I2cBus;
import io.hallq.controller.device.InputPin;
import io.hallq.controller.device.Mcp23017;
import io.hallq.controller.device.OutputPin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On a Pi with an MCP23017 wired only: {@code ./hallq mvn -pl controller -am test -Dtest=Mcp23017HardwareTest
 * -Dhallq.hardware=true -Dsurefire.failIfNoSpecifiedTests=false} with optional {@code -Dhallq.expander=0x20}
 * (its address) and {@code -Dhallq.expander.loopback=true} when a wire joins B0 to A0 and a second one B1 to
 * A1 (inputs follow outputs). I2C must be on ({@code dtparam=i2c_arm=on}). Skipped elsewhere; aborts (not fails)
 * when no chip answers at the address.
 */
@EnabledIfSystemProperty(named = "hallq.hardware", matches = "true")
class Mcp23017HardwareTest {

    private static int address() {
        return Integer.decode(System.getProperty("hallq.expander", "0x20"));
    }

    @Test
    void theChipTakesItsConfiguration_andReadsItsPins_andLoopbackWiresFollowTheOutputs() {
        try (Pi4jBoard board = new Pi4jBoard(Pi4J.newAutoContext(), true)) {
            I2cBus bus = board.i2c(1);
            try {
                bus.writeRead(address(), new byte[] {0x00}, 2);
            } catch (DeviceIoException e) {
                Assumptions.abort("no MCP23017 answers at " + System.getProperty("hallq.expander", "0x20") + ": "
                        + e.getMessage());
            }
            List<String> health = new ArrayList<>();
            Mcp23017 chip = new Mcp23017(bus, address(), null, new Mcp23017.Health() {
                @Override
                public void lost(int a, String reason) {
                    health.add("lost " + reason);
                }

                @Override
                public void back(int a) {
                    health.add("back");
                }
            });
            InputPin a0 = chip.input(0);
            InputPin a1 = chip.input(1);
            OutputPin b0 = chip.output(8);
            OutputPin b1 = chip.output(9);
            chip.start(0);
            assertTrue(chip.present());
            byte[] config = bus.writeRead(address(), new byte[] {0x00}, 14);
            assertEquals(0xFC, config[1] & 0xFF, "IODIRB: B0 and B1 outputs");
            assertEquals(0x03, config[0x0C] & 0x03, "GPPU: pull-ups on A0 and A1");
            assertEquals(0x44, config[0x0A] & 0xFF, "IOCON: mirrored open-drain INT");
            if (Boolean.getBoolean("hallq.expander.loopback")) {
                b0.set(true);
                b1.set(false);
                chip.poll(1);
                assertTrue(a0.high());
                assertFalse(a1.high());
                b0.set(false);
                b1.set(true);
                chip.poll(2);
                assertFalse(a0.high());
                assertTrue(a1.high());
            } else {
                chip.poll(1);
                assertTrue(a0.high(), "A0 reads low with nothing pressed: check the wiring");
            }
            chip.poll(Long.MAX_VALUE / 2); // the configuration check: it still holds what we wrote
            assertEquals(List.of(), health);
        }
    }
}
