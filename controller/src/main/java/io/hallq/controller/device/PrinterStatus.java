package io.hallq.controller.device;

import java.util.Optional;

/**
 * The printer's state from its real-time status answers (DLE EOT 1..4).
 *
 * @param reachable    it answered at all (false: unplugged, powered off, wrong port)
 */
public record PrinterStatus(boolean reachable, boolean offline, boolean coverOpen, boolean paperNearEnd,
                            boolean paperOut, boolean cutterError) {

    public static final PrinterStatus OK = new PrinterStatus(true, false, false, false, false, false);
    public static final PrinterStatus UNREACHABLE = new PrinterStatus(false, true, false, false, false, false);

    /**
     * Decodes the four answers. Every answer has bit 1 and 4 set and bits 0 and 7 clear; anything else is
     * not a status byte (noise, a late answer) and makes the status unreachable.
     *
     * @param printer DLE EOT 1: bit 3 offline
     * @param offline DLE EOT 2: bit 2 cover open, bit 5 stopped for paper end, bit 6 error
     * @param error   DLE EOT 3: bit 3 cutter error, bit 5 unrecoverable error
     * @param paper   DLE EOT 4: bits 2-3 paper near end, bits 5-6 paper end
     */
    public static PrinterStatus decode(int printer, int offline, int error, int paper) {
        for (int b : new int[] {printer, offline, error, paper}) {
            if (b < 0 || (b & 0x93) != 0x12) {
                return UNREACHABLE;
            }
        }
        return new PrinterStatus(true, (printer & 0x08) != 0, (offline & 0x04) != 0, (paper & 0x0C) != 0,
                (paper & 0x60) != 0 || (offline & 0x20) != 0, (error & 0x08) != 0 || (error & 0x20) != 0);
    }

    /** Tickets cannot be printed. */
    public boolean fault() {
        return !reachable || coverOpen || paperOut || cutterError || offline;
    }

    /** Why tickets cannot be printed, most important cause first; empty when there is no fault. */
    public Optional<PrinterFault> cause() {
        if (!reachable) {
            return Optional.of(PrinterFault.NOT_CONNECTED);
        }
        if (paperOut) {
            return Optional.of(PrinterFault.PAPER_OUT);
        }
        if (coverOpen) {
            return Optional.of(PrinterFault.COVER_OPEN);
        }
        if (cutterError) {
            return Optional.of(PrinterFault.CUTTER_ERROR);
        }
        if (offline) {
            return Optional.of(PrinterFault.OFFLINE);
        }
        return Optional.empty();
    }

    /** The notice for customers and the alarm text, most important cause first; null when there is no fault. */
    public String[] message() {
        return cause().map(f -> new String[] {f.messageZh(), f.messageEn()}).orElse(null);
    }
}
