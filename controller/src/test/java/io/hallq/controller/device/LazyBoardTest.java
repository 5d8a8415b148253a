package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.queue.Command;
import io.hallq.controller.ticket.NearbyHalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyBoardTest {

    /** Counts how often it is opened and closed; hands out nothing (the tests never use a pin's level). */
    private static final class CountingBoard implements GpioBoard {
        static final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        CountingBoard() {
            opened.incrementAndGet();
        }

        @Override
        public InputPin input(int bcm) {
            return () -> true;
        }

        @Override
        public OutputPin output(int bcm) {
            return high -> {};
        }

        @Override
        public SpiBus spi(int bus, int chipSelect) {
            return null;
        }

        @Override
        public I2cBus i2c(int bus) {
            return null;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @TempDir
    Path dir;

    /** The controller's way: a hall whose devices section wires nothing to the header never makes a Pi4J context. */
    @Test
    void aDeviceModuleOnAHallWithoutWiredDevicesNeverOpensTheBoard() throws Exception {
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"));
        yaml = yaml.substring(0, yaml.indexOf("\ndevices:")) + "\n" + yaml.substring(yaml.indexOf("\nmqtt:"));
        yaml = yaml.replace("dataDir: ../data/sh-pudong-01", "dataDir: " + dir.resolve("data"));
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);
        AtomicInteger opens = new AtomicInteger();
        LazyBoard board = new LazyBoard(() -> {
            opens.incrementAndGet();
            return new CountingBoard();
        });
        ManualLoop loop = new ManualLoop();
        DeviceModule module = new DeviceModule(board, p -> {
            throw new AssertionError("no printer in this hall");
        }, NearbyHalls.NONE, loop::now, loop);
        try (HallRuntime runtime = HallRuntime.start(HallConfigLoader.loadWithRoot(file),
                new MutableClock(TestHalls.MONDAY_10AM), List.of(module))) {
            loop.advance(10);
            runtime.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
            runtime.hall().query(s -> null).join();
            loop.advance(10);
        }
        assertEquals(0, opens.get(), "the board was opened for a hall without wired devices");
        assertFalse(DevicesConfig.none().wiresHeader(), "the training start leaves Pi4J out for such a hall");
    }

    @Test
    void aBoardThatWasNeverUsedIsNotOpenedToBeClosed() {
        AtomicInteger opens = new AtomicInteger();
        LazyBoard board = new LazyBoard(() -> {
            opens.incrementAndGet();
            return new CountingBoard();
        });
        board.close();
        assertEquals(0, opens.get());
        assertFalse(board.opened());
    }

    @Test
    void theFirstPinOpensTheBoardOnceAndCloseClosesIt() {
        CountingBoard[] made = new CountingBoard[1];
        AtomicInteger opens = new AtomicInteger();
        LazyBoard board = new LazyBoard(() -> {
            opens.incrementAndGet();
            made[0] = new CountingBoard();
            return made[0];
        });
        board.input(17);
        board.output(18);
        board.i2c(1);
        assertEquals(1, opens.get());
        assertTrue(board.opened());
        board.close();
        assertEquals(1, made[0].closed.get());
        assertThrows(IllegalStateException.class, () -> board.input(17));
    }
}
