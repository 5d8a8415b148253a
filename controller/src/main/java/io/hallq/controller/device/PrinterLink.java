package io.hallq.controller.device;

import java.time.Duration;

/**
 * The byte stream to a ticket printer: a serial port (Pi UART, USB-serial) or a USB printer-class device
 * file. It carries bytes only; what they mean is the printer logic's business.
 */
public interface PrinterLink extends AutoCloseable {

    /** @throws DeviceIoException when the printer is unplugged or the port is gone */
    void write(byte[] bytes);

    /**
     * The next byte the printer sent (0..255), waiting at most {@code timeout}, or -1 when none came.
     *
     * @throws DeviceIoException when the port is gone
     */
    int read(Duration timeout);

    /** Drops bytes received but not read yet (a late answer to an earlier query). */
    void discardInput();

    @Override
    void close();
}
