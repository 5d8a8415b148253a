package io.hallq.controller.device;

import java.util.function.Supplier;

/**
 * A board opened on the first pin, SPI device or I2C bus asked of it. The controller's Pi4J context costs memory
 * (Pi4J, its plugins, JNA's native library and their threads: several MB of the 96 MB budget) and is only needed
 * when the devices section wires something to the Pi's header; a hall without wired devices (a printer on its device
 * file only, or nothing) never opens it. Closing a board that was never opened does nothing.
 */
public final class LazyBoard implements GpioBoard {

    private final Supplier<? extends GpioBoard> open;
    private GpioBoard board;
    private boolean closed;

    public LazyBoard(Supplier<? extends GpioBoard> open) {
        this.open = open;
    }

    private synchronized GpioBoard board() {
        if (closed) {
            throw new IllegalStateException("the device board is closed");
        }
        if (board == null) {
            board = open.get();
        }
        return board;
    }

    /** Whether the board has been opened (something wired asked for it). */
    public synchronized boolean opened() {
        return board != null;
    }

    @Override
    public InputPin input(int bcm) {
        return board().input(bcm);
    }

    @Override
    public OutputPin output(int bcm) {
        return board().output(bcm);
    }

    @Override
    public SpiBus spi(int bus, int chipSelect) {
        return board().spi(bus, chipSelect);
    }

    @Override
    public I2cBus i2c(int bus) {
        return board().i2c(bus);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (board != null) {
            board.close();
        }
    }
}
