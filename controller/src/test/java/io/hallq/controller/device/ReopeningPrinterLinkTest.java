package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class ReopeningPrinterLinkTest {

    @Test
    void printerMissingAtStart_isNotConnected_andOpensWhenItAppears() {
        Deque<Object> opens = new ArrayDeque<>();
        opens.add(new DeviceIoException("no /dev/usb/lp0"));
        RecordingPrinterLink printer = new RecordingPrinterLink().answer(0x12);
        opens.add(printer);
        ReopeningPrinterLink link = new ReopeningPrinterLink(() -> {
            Object next = opens.poll();
            if (next instanceof DeviceIoException e) {
                throw e;
            }
            return (PrinterLink) next;
        }, Duration.ZERO);
        TicketPrinter p = new TicketPrinter(link, Duration.ofMillis(10));
        assertEquals(PrinterStatus.UNREACHABLE, p.status());
        assertEquals(0x12, link.read(Duration.ofMillis(10)));
    }

    @Test
    void aFailedWrite_dropsTheLink_andTheNextUseReopens() {
        RecordingPrinterLink first = new RecordingPrinterLink();
        first.unplugged = true;
        RecordingPrinterLink second = new RecordingPrinterLink();
        Deque<PrinterLink> opens = new ArrayDeque<>(java.util.List.of(first, second));
        ReopeningPrinterLink link = new ReopeningPrinterLink(opens::poll, Duration.ZERO);
        assertThrows(DeviceIoException.class, () -> link.write(new byte[] {1}));
        link.write(new byte[] {2});
        assertEquals("02", second.hex());
    }
}
