package io.hallq.controller.device;

/**
 * Where pins and SPI devices come from: the Pi's header through Pi4J, or the emulator's virtual devices
 * through the same Pi4J seam. Pin numbers are BCM numbers.
 */
public interface GpioBoard extends AutoCloseable {

    /** An input with its pull-up enabled. */
    InputPin input(int bcm);

    /** An output, low until set. */
    OutputPin output(int bcm);

    SpiBus spi(int bus, int chipSelect);

    @Override
    void close();
}
