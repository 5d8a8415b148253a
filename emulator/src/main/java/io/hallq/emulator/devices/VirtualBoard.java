package io.hallq.emulator.devices;

import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.GpioBoard;
import io.hallq.controller.device.I2cBus;
import io.hallq.controller.device.InputPin;
import io.hallq.controller.device.OutputPin;
import io.hallq.controller.device.SpiBus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's {@link GpioBoard} port with nothing wired: virtual GPIO lines, SPI chip selects with
 * virtual MAX7219 chains, I2C buses with virtual MCP23017s. The emulator attaches the parts the config names
 * before the controller opens them; opening a chip select with nothing attached fails as on a Pi with nothing
 * plugged in. This is the project's own seam, not Pi4J's: a Pi4J upgrade does not touch the emulator.
 */
public final class VirtualBoard implements GpioBoard {

    private final Object lock = new Object();
    private final Map<Integer, VirtualLine> lines = new ConcurrentHashMap<>();
    private final Map<String, VirtualMax7219> spi = new ConcurrentHashMap<>();
    private final Map<Integer, VirtualI2cBus> buses = new ConcurrentHashMap<>();

    /** GPIO {@code bcm}, made on first use. */
    public VirtualLine line(int bcm) {
        return lines.computeIfAbsent(bcm, b -> new VirtualLine(b, this::settle));
    }

    /** A chain of {@code chips} MAX7219s at bus.chipSelect. */
    public VirtualMax7219 attachSpi(int bus, int chipSelect, int chips) {
        VirtualMax7219 chain = new VirtualMax7219(chips);
        spi.put(bus + "." + chipSelect, chain);
        return chain;
    }

    /** An MCP23017 at {@code address} on I2C bus {@code bus}. */
    public VirtualMcp23017 attachExpander(int bus, int address) {
        return bus(bus).attach(address);
    }

    /** The expanders' open-drain INT outputs wired together to GPIO {@code bcm}. */
    public void wireInterrupt(int bcm, List<VirtualMcp23017> chips) {
        line(bcm).wire(() -> {
            for (VirtualMcp23017 c : chips) {
                if (c.pullsInterruptLow()) {
                    return Boolean.FALSE;
                }
            }
            return null;
        });
    }

    public VirtualI2cBus bus(int bus) {
        return buses.computeIfAbsent(bus, b -> new VirtualI2cBus(b, lock));
    }

    /** After a change outside the bus (a key pressed, a GPIO row driven): the expanders look at their pins. */
    void settle() {
        synchronized (lock) {
            buses.values().forEach(VirtualI2cBus::settle);
        }
    }

    @Override
    public InputPin input(int bcm) {
        VirtualLine line = line(bcm);
        return line::read;
    }

    @Override
    public OutputPin output(int bcm) {
        VirtualLine line = line(bcm);
        line.asOutput();
        line.set(false);
        return line::set;
    }

    @Override
    public SpiBus spi(int bus, int chipSelect) {
        VirtualMax7219 chain = spi.get(bus + "." + chipSelect);
        if (chain == null) {
            throw new DeviceIoException("SPI " + bus + "." + chipSelect + " cannot be opened: nothing attached");
        }
        return chain::receive;
    }

    @Override
    public I2cBus i2c(int bus) {
        return bus(bus);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
