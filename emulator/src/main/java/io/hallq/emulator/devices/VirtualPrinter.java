package io.hallq.emulator.devices;

import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.PrinterAnswers;
import io.hallq.controller.device.PrinterLink;
import io.hallq.controller.ticket.EscPos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An ESC/POS thermal printer behind the same {@link PrinterLink} as a wired one: it decodes the bytes back
 * into tickets, answers DLE EOT status requests, and can run out of paper (at once or after some lines), open
 * its cover, jam its cutter or be unplugged. While it has a fault it prints nothing, like a real printer.
 * Thread-safe: tests and the web page drive it while the printer thread writes.
 */
public final class VirtualPrinter implements PrinterLink {

    private final EscPosDecoder decoder = new EscPosDecoder(this::status);
    private final PrinterAnswers answers = new PrinterAnswers();
    private final List<PrintedTicket> tickets = new CopyOnWriteArrayList<>();
    private final List<Consumer<PrintedTicket>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean paperOut;
    private volatile boolean nearEnd;
    private volatile boolean coverOpen;
    private volatile boolean cutterError;
    private volatile boolean disconnected;
    private volatile int linesLeft = -1;
    private volatile long bytesReceived;

    @Override
    public synchronized void write(byte[] bytes) {
        if (disconnected) {
            throw new DeviceIoException("virtual printer unplugged");
        }
        bytesReceived += bytes.length;
        if (faulty()) {
            decodeStatusOnly(bytes);
            return;
        }
        for (PrintedTicket t : decoder.feed(bytes)) {
            if (paperOut || runsOutIn(t.lines().size())) {
                continue; // the roll ended inside this ticket: the customer gets a stub without a number
            }
            tickets.add(t);
            listeners.forEach(l -> l.accept(t));
        }
        if (!paperOut && linesLeft >= 0 && decoder.unfinished().lines().size() > linesLeft) {
            runsOutIn(Integer.MAX_VALUE);
        }
    }

    private boolean runsOutIn(int lines) {
        if (linesLeft < 0) {
            return false;
        }
        if (lines > linesLeft) {
            paperOut = true;
            linesLeft = -1;
            decoder.reset();
            return true;
        }
        linesLeft -= lines;
        return false;
    }

    /** A printer with a fault still answers real-time status requests and drops everything else. */
    private void decodeStatusOnly(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == 0x10 && bytes[i + 1] == 0x04) {
                status(bytes[i + 2]);
                i += 2;
            }
        }
    }

    private boolean faulty() {
        return paperOut || coverOpen || cutterError;
    }

    private void status(int n) {
        int b = 0x12;
        switch (n) {
            case 1 -> b |= faulty() ? 0x08 : 0;
            case 2 -> b |= (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (faulty() ? 0x40 : 0);
            case 3 -> b |= cutterError ? 0x08 : 0;
            case 4 -> b |= (nearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0);
            default -> throw new IllegalArgumentException("DLE EOT " + n + " is not a status request");
        }
        answers.add(b);
    }

    @Override
    public int read(Duration timeout) {
        if (disconnected) {
            throw new DeviceIoException("virtual printer unplugged");
        }
        return answers.next(timeout);
    }

    @Override
    public void discardInput() {
        answers.clear();
    }

    @Override
    public void close() {
        // nothing to release: the virtual printer lives as long as the emulator
    }

    /** The roll loaded is {@code mm} wide (58 or 80; 80 until told): it sets how wide tickets come out. */
    public void paperWidth(int mm) {
        decoder.paperDots(EscPos.paperDots(mm));
    }

    /** Paper out now (true) or a new roll loaded (false). */
    public void paperOut(boolean out) {
        paperOut = out;
        if (!out) {
            linesLeft = -1;
        }
    }

    /** The roll ends after this many more printed lines (counted within the current ticket). */
    public void paperEndsAfterLines(int lines) {
        linesLeft = lines;
    }

    public void paperNearEnd(boolean near) {
        nearEnd = near;
    }

    public void coverOpen(boolean open) {
        coverOpen = open;
    }

    public void cutterError(boolean error) {
        cutterError = error;
    }

    /** Unplugged: writes and reads fail like a vanished device file. */
    public void disconnected(boolean off) {
        disconnected = off;
    }

    /** Every ticket printed and cut so far. */
    public List<PrintedTicket> tickets() {
        return new ArrayList<>(tickets);
    }

    public PrintedTicket lastTicket() {
        return tickets.isEmpty() ? null : tickets.get(tickets.size() - 1);
    }

    /** Called on the printer thread for each ticket cut. */
    public void onTicket(Consumer<PrintedTicket> listener) {
        listeners.add(listener);
    }

    public long bytesReceived() {
        return bytesReceived;
    }
}
