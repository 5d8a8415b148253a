package io.hallq.controller.device;

import io.hallq.controller.device.DevicesConfig.NearEndPolicy;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The printer thread: prints tickets in order and polls the printer's status between them, so a query never
 * interleaves with a ticket. A status change goes to the listeners within one poll interval; a fault raises a
 * DEVICE alarm, near end a warning.
 */
public final class PrintQueue implements AutoCloseable {

    private final TicketPrinter printer;
    private final TicketLayout layout;
    private final DeviceAlarms alarms;
    private final NearEndPolicy nearEnd;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("hallq-printer").unstarted(r));
    private volatile Consumer<PrinterStatus> statusListener = s -> { };
    private PrinterStatus last;

    public PrintQueue(TicketPrinter printer, TicketLayout layout, DeviceAlarms alarms, NearEndPolicy nearEnd) {
        this.printer = printer;
        this.layout = layout;
        this.alarms = alarms;
        this.nearEnd = nearEnd;
    }

    public void onStatus(Consumer<PrinterStatus> listener) {
        this.statusListener = listener;
    }

    public void start(Duration pollInterval) {
        thread.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Prints on the printer thread: {@code printed} gets the ticket once the printer took all of it, the cut
     * included; {@code failed} gets the ticket and the reason when it did not come out.
     */
    public void print(TicketIssued ticket, Consumer<TicketIssued> printed, BiConsumer<TicketIssued, String> failed) {
        thread.execute(() -> {
            TicketPrinter.PrintResult result;
            try {
                result = printer.print(layout.escPos(layout.content(ticket)));
            } catch (RuntimeException e) {
                Logger.error(e, "Ticket {} could not be laid out or printed", ticket.ticket());
                result = new TicketPrinter.PrintResult.Failed(e.toString());
            }
            if (result instanceof TicketPrinter.PrintResult.Failed f) {
                failed.accept(ticket, f.reason()); // nobody holds it: it must not wait in the queue
                poll();
            } else {
                printed.accept(ticket);
            }
        });
    }

    private void poll() {
        try {
            PrinterStatus s = printer.status();
            if (!s.equals(last)) {
                last = s;
                report(s);
                statusListener.accept(s);
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Printer status poll failed");
        }
    }

    private void report(PrinterStatus s) {
        Optional<PrinterFault> fault = s.cause();
        if (fault.isPresent()) {
            alarms.raise(fault.get().fault());
        } else {
            alarms.clear(PrinterFault.DEVICE);
        }
        if (s.reachable() && s.paperNearEnd() && !s.paperOut()) {
            PrinterFault.PaperLow p = nearEnd == NearEndPolicy.STOP ? PrinterFault.PaperLow.STOP
                    : PrinterFault.PaperLow.WARN;
            alarms.raise(p.fault());
        } else if (!s.paperOut()) {
            alarms.clear(PrinterFault.PAPER_DEVICE);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ExecutorService executor() {
        return thread;
    }
}
