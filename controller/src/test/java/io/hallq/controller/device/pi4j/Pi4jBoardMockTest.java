package io.hallq.controller.device.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.I2cBus;
import io.hallq.controller.device.InputPin;
import io.hallq.controller.device.OutputPin;
import org.junit.jupiter.api.Test;

/**
 * The Pi4J adapter against Pi4J's own mock plugin: the one place the emulator-free build still exercises
 * {@link Pi4jBoard} through Pi4J (the emulator runs on the project's own {@code GpioBoard} port).
 */
class Pi4jBoardMockTest {

    private static Context mockContext() {
        return Pi4J.newContextBuilder().noAutoDetect().add(MockDigitalInputProvider.newInstance(),
                MockDigitalOutputProvider.newInstance(), MockSpiProvider.newInstance(),
                MockI2CProvider.newInstance()).build();
    }

    @Test
    void pinsSpiAndI2c_goThroughPi4jWithStableIds() {
        Context pi4j = mockContext();
        try (Pi4jBoard board = new Pi4jBoard(pi4j, true)) {
            InputPin in = board.input(5);
            MockDigitalInput mock = pi4j.registry().get(Pi4jBoard.inputId(5), MockDigitalInput.class);
            mock.mockState(DigitalState.HIGH);
            assertTrue(in.high());
            mock.mockState(DigitalState.LOW);
            assertFalse(in.high());

            OutputPin out = board.output(6);
            DigitalOutput pi4jOut = pi4j.registry().get(Pi4jBoard.outputId(6), DigitalOutput.class);
            assertEquals(DigitalState.LOW, pi4jOut.state(), "low until set");
            out.set(true);
            assertEquals(DigitalState.HIGH, pi4jOut.state());

            board.spi(0, 1).write(new byte[] {0x0C, 0x01, 0x00, 0x00});
            MockSpi spi = pi4j.registry().get(Pi4jBoard.spiId(0, 1), MockSpi.class);
            assertArrayEquals(new byte[] {0x0C, 0x01, 0x00, 0x00}, spi.readEntireMockBuffer());

            I2cBus i2c = board.i2c(1);
            i2c.write(0x20, new byte[] {0x0A, 0x44});
            I2C chip = pi4j.registry().get(Pi4jBoard.i2cId(1, 0x20), I2C.class);
            byte[] written = new byte[2];
            assertEquals(2, chip.read(written, 0, 2));
            assertArrayEquals(new byte[] {0x0A, 0x44}, written);
            chip.writeRegister(0x12, new byte[] {(byte) 0xFE, (byte) 0xFF});
            assertArrayEquals(new byte[] {(byte) 0xFE, (byte) 0xFF}, i2c.writeRead(0x20, new byte[] {0x12}, 2));
            DeviceIoException short_ = assertThrows(DeviceIoException.class,
                    () -> i2c.writeRead(0x20, new byte[] {0x12}, 2), "the mock register is empty now");
            assertTrue(short_.getMessage().startsWith("I2C 1 read from 0x20 gave 0 of 2 bytes"), short_.getMessage());
        }
    }
}
