package io.hallq.controller.device.pi4j;

import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.PrinterAnswers;
import io.hallq.controller.device.PrinterLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A printer on a device file: a USB printer-class device (/dev/usb/lp0) or a serial port (/dev/serial0,
 * /dev/ttyUSB0) already set to raw mode and its baud rate (see {@link #serial}). A reader thread moves
 * answer bytes into a queue because a read on these files cannot time out by itself.
 *
 * <p>Serial stays behind this port on purpose: Pi4J 4 dropped serial, and the gpiod/linuxfs plugins of
 * Pi4J 3 do not offer it.
 */
public final class StreamPrinterLink implements PrinterLink {

    private final String name;
    private final RandomAccessFile file;
    private final OutputStream out;
    private final PrinterAnswers received = new PrinterAnswers();
    private final Thread reader;
    private volatile IOException readFailure;

    private StreamPrinterLink(Path device) {
        this.name = device.toString();
        try {
            this.file = new RandomAccessFile(device.toFile(), "rw");
        } catch (IOException e) {
            throw new DeviceIoException("cannot open printer device " + device + ": " + e.getMessage(), e);
        }
        this.out = Channels.newOutputStream(file.getChannel());
        InputStream in = Channels.newInputStream(file.getChannel());
        this.reader = Thread.ofPlatform().daemon().name("printer-read").start(() -> readLoop(in));
    }

    /** A USB printer-class device file. */
    public static StreamPrinterLink usb(Path device) {
        return new StreamPrinterLink(device);
    }

    /**
     * A serial port, set to raw 8N1 at {@code baud} with {@code stty} first; "min 0 time 1" makes reads return
     * after 0.1 s without data so the reader thread notices a close.
     */
    public static StreamPrinterLink serial(Path device, int baud) {
        ProcessBuilder stty = new ProcessBuilder("stty", "-F", device.toString(), Integer.toString(baud), "raw",
                "-echo", "cs8", "-cstopb", "-parenb", "min", "0", "time", "1").redirectErrorStream(true);
        try {
            Process p = stty.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new DeviceIoException("cannot set up serial port " + device + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new DeviceIoException("cannot run stty for " + device + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceIoException("interrupted while setting up " + device, e);
        }
        return new StreamPrinterLink(device);
    }

    private void readLoop(InputStream in) {
        byte[] buf = new byte[64];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int n = in.read(buf);
                if (n < 0) {
                    Thread.sleep(20); // a tty with "time 1" or a USB printer without an answer
                    continue;
                }
                received.add(buf, n);
            }
        } catch (IOException e) {
            readFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new DeviceIoException("printer " + name + " cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(Duration timeout) {
        int b = received.next(timeout);
        if (b < 0 && readFailure != null && !Thread.currentThread().isInterrupted()) {
            throw new DeviceIoException("printer " + name + " cannot be read: " + readFailure.getMessage(),
                    readFailure);
        }
        return b;
    }

    @Override
    public void discardInput() {
        received.clear();
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            file.close();
        } catch (IOException e) {
            throw new DeviceIoException("printer " + name + " did not close: " + e.getMessage(), e);
        }
    }
}
