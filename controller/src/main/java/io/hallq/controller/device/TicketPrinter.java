package io.hallq.controller.device;

import io.hallq.controller.ticket.EscPos;
import java.time.Duration;

/**
 * An ESC/POS printer behind a {@link PrinterLink}: real-time status queries and printing that says whether
 * the ticket came out. Not thread-safe: one printer thread owns it, so queries and tickets never interleave.
 */
public final class TicketPrinter {

    /** Why a ticket did not come out, or that it did. */
    public sealed interface PrintResult {
        record Printed() implements PrintResult {}

        record Failed(String reason) implements PrintResult {}
    }

    private final PrinterLink link;
    private final Duration answerTimeout;

    /** @param answerTimeout how long to wait for each status byte; printers answer within a few ms */
    public TicketPrinter(PrinterLink link, Duration answerTimeout) {
        this.link = link;
        this.answerTimeout = answerTimeout;
    }

    /** Asks DLE EOT 1..4; a printer that does not answer or is unplugged is unreachable. */
    public PrinterStatus status() {
        try {
            link.discardInput();
            int[] answers = new int[4];
            for (int n = 1; n <= 4; n++) {
                link.write(EscPos.statusRequest(n));
                answers[n - 1] = link.read(answerTimeout);
                if (answers[n - 1] < 0) {
                    return PrinterStatus.UNREACHABLE;
                }
            }
            return PrinterStatus.decode(answers[0], answers[1], answers[2], answers[3]);
        } catch (DeviceIoException e) {
            return PrinterStatus.UNREACHABLE;
        }
    }

    /**
     * Prints when the printer is ready, then asks again: paper running out or the cover opening during the
     * ticket means the customer does not hold a whole ticket, which counts as failed.
     */
    public PrintResult print(byte[] ticket) {
        PrinterStatus before = status();
        if (before.fault()) {
            return new PrintResult.Failed(before.message()[1]);
        }
        try {
            link.write(ticket);
        } catch (DeviceIoException e) {
            return new PrintResult.Failed(e.getMessage());
        }
        PrinterStatus after = status();
        return after.fault() ? new PrintResult.Failed(after.message()[1]) : new PrintResult.Printed();
    }
}
