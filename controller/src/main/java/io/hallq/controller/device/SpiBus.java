package io.hallq.controller.device;

/** One SPI device (bus and chip select): each call is one chip-select-framed write. */
public interface SpiBus {

    /** @throws DeviceIoException when the bus cannot be written */
    void write(byte[] frame);
}
