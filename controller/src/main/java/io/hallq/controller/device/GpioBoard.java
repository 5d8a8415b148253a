package io.hallq.controller.device;

/**
 * Where pins, SPI devices and I2C buses come from: the Pi's header through Pi4J, or the emulator's virtual
 * devices, which implement these ports directly. Pin numbers are BCM numbers.
 */
public interface GpioBoard extends AutoCloseable {

    /** An input with its pull-up enabled. */
    InputPin input(int bcm);

    /** An output, low until set. */
    OutputPin output(int bcm);

    SpiBus spi(int bus, int chipSelect);

    /** I2C bus {@code bus} (1 on the Pi's header: SDA BCM 2, SCL BCM 3). */
    I2cBus i2c(int bus);

    @Override
    void close();
}
