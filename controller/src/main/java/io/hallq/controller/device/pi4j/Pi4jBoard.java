package io.hallq.controller.device.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.GpioBoard;
import io.hallq.controller.device.I2cBus;
import io.hallq.controller.device.InputPin;
import io.hallq.controller.device.OutputPin;
import io.hallq.controller.device.SpiBus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pins and SPI devices from a Pi4J context: on the Pi the gpiod and linuxfs plugins, in the emulator the
 * mock GPIO providers and the emulator's own SPI provider. IO ids are stable ("gpio-in-5", "spi-0-1") so
 * that the emulator can find the IO it must drive.
 *
 * <p>Inputs keep Pi4J's default debounce ({@link DigitalInput#DEFAULT_DEBOUNCE}, 10 ms), which only filters
 * Pi4J's change events; we sample levels and debounce in {@link io.hallq.controller.device.KeyDebouncer} so
 * the same timing applies on every provider.
 */
public final class Pi4jBoard implements GpioBoard {

    /** The MAX7219 takes up to 10 MHz; 1 MHz keeps long ribbon cables to the hall matrix reliable. */
    private static final int SPI_BAUD = 1_000_000;

    private final Context pi4j;
    private final boolean ownsContext;

    /** @param ownsContext shut the context down on {@link #close()} */
    public Pi4jBoard(Context pi4j, boolean ownsContext) {
        this.pi4j = pi4j;
        this.ownsContext = ownsContext;
    }

    public static String inputId(int bcm) {
        return "gpio-in-" + bcm;
    }

    public static String outputId(int bcm) {
        return "gpio-out-" + bcm;
    }

    public static String spiId(int bus, int chipSelect) {
        return "spi-" + bus + "-" + chipSelect;
    }

    @Override
    public InputPin input(int bcm) {
        DigitalInput in = open("GPIO input BCM " + bcm, () -> pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(inputId(bcm)).address(bcm).pull(PullResistance.PULL_UP)));
        return () -> {
            try {
                return in.state() != DigitalState.LOW;
            } catch (RuntimeException e) {
                throw new DeviceIoException("GPIO " + bcm + " cannot be read", e);
            }
        };
    }

    @Override
    public OutputPin output(int bcm) {
        DigitalOutput out = open("GPIO output BCM " + bcm, () -> pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(outputId(bcm)).address(bcm).initial(DigitalState.LOW).shutdown(DigitalState.LOW)));
        return high -> {
            try {
                out.state(high ? DigitalState.HIGH : DigitalState.LOW);
            } catch (RuntimeException e) {
                throw new DeviceIoException("GPIO " + bcm + " cannot be set", e);
            }
        };
    }

    @Override
    public SpiBus spi(int bus, int chipSelect) {
        Spi spi = open("SPI " + bus + "." + chipSelect + " (/dev/spidev" + bus + "." + chipSelect + ")",
                () -> pi4j.create(Spi.newConfigBuilder(pi4j).id(spiId(bus, chipSelect)).bus(bus).channel(chipSelect)
                        .baud(SPI_BAUD).mode(SpiMode.MODE_0)));
        return frame -> {
            try {
                spi.write(frame);
            } catch (RuntimeException e) {
                throw new DeviceIoException("SPI " + bus + "." + chipSelect + " cannot be written", e);
            }
        };
    }

    public static String i2cId(int bus, int address) {
        return String.format("i2c-%d-%02x", bus, address);
    }

    /**
     * I2C bus {@code bus} (/dev/i2c-N): one Pi4J I2C device per address, opened on first use. A read is Pi4J's
     * register read (write the pointer, then read), which the linuxfs provider does as one combined
     * transaction with a repeated start.
     */
    @Override
    public I2cBus i2c(int bus) {
        Map<Integer, I2C> devices = new ConcurrentHashMap<>();
        java.util.function.IntFunction<I2C> device = address -> devices.computeIfAbsent(address, a ->
                open(String.format("I2C %d device 0x%02x (/dev/i2c-%d)", bus, a, bus), () -> pi4j.create(
                        I2C.newConfigBuilder(pi4j).id(i2cId(bus, a)).bus(bus).device(a))));
        return new I2cBus() {
            @Override
            public void write(int address, byte[] data) {
                int n;
                try {
                    n = device.apply(address).write(data, 0, data.length);
                } catch (RuntimeException e) {
                    throw new DeviceIoException(String.format("I2C %d write to 0x%02x failed", bus, address), e);
                }
                if (n < data.length) {
                    throw new DeviceIoException(String.format("I2C %d write to 0x%02x took %d of %d bytes", bus,
                            address, n, data.length));
                }
            }

            @Override
            public byte[] writeRead(int address, byte[] write, int readLength) {
                byte[] read = new byte[readLength];
                int n;
                try {
                    // A one-byte register pointer goes through readRegister(int, ...): Pi4J's mock reads a
                    // byte[] register as two bytes (a 16-bit address), linuxfs takes either.
                    I2C i2c = device.apply(address);
                    n = write.length == 1 ? i2c.readRegister(write[0] & 0xFF, read, 0, readLength)
                            : i2c.readRegister(write, read, 0, readLength);
                } catch (RuntimeException e) {
                    throw new DeviceIoException(String.format("I2C %d read from 0x%02x failed", bus, address), e);
                }
                if (n < readLength) {
                    throw new DeviceIoException(String.format("I2C %d read from 0x%02x gave %d of %d bytes", bus,
                            address, Math.max(n, 0), readLength));
                }
                return read;
            }
        };
    }

    /** Opens an IO, turning Pi4J's bare failures into an error that says what to check. */
    private static <T> T open(String what, java.util.function.Supplier<T> create) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            throw new DeviceIoException(what + " cannot be opened (" + e.getMessage() + "). Is this a Raspberry Pi"
                    + " with GPIO/SPI enabled and is the user in the gpio and spi groups? Without the hardware, run"
                    + " ./hallq emulator (or leave the devices section out of the hall YAML)", e);
        }
    }

    @Override
    public void close() {
        if (ownsContext) {
            pi4j.shutdown();
        }
    }
}
