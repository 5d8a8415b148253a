package io.hallq.controller.device;

import java.time.Duration;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Opens the printer's link when it is first needed and again after it failed, at most once per
 * {@code retryEvery}: a printer switched off at boot or unplugged and plugged back in (a new device file)
 * becomes a "not connected" alarm that clears by itself, not a controller that will not start.
 */
public final class ReopeningPrinterLink implements PrinterLink {

    private final Supplier<PrinterLink> opener;
    private final long retryNanos;
    private PrinterLink link;
    private long nextTry;

    public ReopeningPrinterLink(Supplier<PrinterLink> opener, Duration retryEvery) {
        this.opener = opener;
        this.retryNanos = retryEvery.toNanos();
        this.nextTry = System.nanoTime();
    }

    private synchronized PrinterLink link() {
        if (link == null) {
            if (System.nanoTime() - nextTry < 0) {
                throw new DeviceIoException("printer not connected");
            }
            nextTry = System.nanoTime() + retryNanos;
            try {
                link = opener.get();
                Logger.info("Printer link open");
            } catch (DeviceIoException e) {
                throw new DeviceIoException("printer not connected: " + e.getMessage(), e);
            }
        }
        return link;
    }

    private synchronized void drop(DeviceIoException e) {
        Logger.warn("Printer link lost: {}", e.getMessage());
        if (link != null) {
            try {
                link.close();
            } catch (DeviceIoException ignored) {
                // the device is gone already; nothing more to release
            }
            link = null;
        }
    }

    @Override
    public void write(byte[] bytes) {
        PrinterLink l = link();
        try {
            l.write(bytes);
        } catch (DeviceIoException e) {
            drop(e);
            throw e;
        }
    }

    @Override
    public int read(Duration timeout) {
        PrinterLink l = link();
        try {
            return l.read(timeout);
        } catch (DeviceIoException e) {
            drop(e);
            throw e;
        }
    }

    @Override
    public void discardInput() {
        PrinterLink l;
        synchronized (this) {
            l = link;
        }
        if (l != null) {
            l.discardInput();
        }
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
