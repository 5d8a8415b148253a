package io.hallq.controller.device.pi4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import io.hallq.controller.device.DeviceIoException;
import org.junit.jupiter.api.Test;

class Pi4jBoardTest {

    @Test
    void ioThatCannotBeOpened_saysWhichPinAndWhatToCheck() {
        // a context without any provider: what a machine without GPIO amounts to
        try (Pi4jBoard board = new Pi4jBoard(Pi4J.newContextBuilder().noAutoDetect().build(), true)) {
            DeviceIoException in = assertThrows(DeviceIoException.class, () -> board.input(5));
            assertTrue(in.getMessage().startsWith("GPIO input BCM 5 cannot be opened"), in.getMessage());
            assertTrue(in.getMessage().contains("./hallq emulator"), in.getMessage());
            DeviceIoException out = assertThrows(DeviceIoException.class, () -> board.output(17));
            assertTrue(out.getMessage().startsWith("GPIO output BCM 17 cannot be opened"), out.getMessage());
            DeviceIoException spi = assertThrows(DeviceIoException.class, () -> board.spi(0, 1));
            assertTrue(spi.getMessage().startsWith("SPI 0.1 (/dev/spidev0.1) cannot be opened"), spi.getMessage());
        }
    }
}
