package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TicketPrinterTest {

    private static final int[] OK = {0x12, 0x12, 0x12, 0x12};
    private final RecordingPrinterLink link = new RecordingPrinterLink();
    private final TicketPrinter printer = new TicketPrinter(link, Duration.ofMillis(50));

    @Test
    void status_asksDleEot1to4_andDecodesAHealthyPrinter() {
        link.answer(OK);
        assertEquals(PrinterStatus.OK, printer.status());
        assertEquals("10 04 01 10 04 02 10 04 03 10 04 04", link.hex());
    }

    @Test
    void status_decodesEveryFault() {
        link.answer(0x1A, 0x12 | 0x04 | 0x40, 0x12, 0x12); // offline, cover open
        PrinterStatus cover = printer.status();
        assertTrue(cover.coverOpen() && cover.offline() && cover.fault());
        link.answer(0x1A, 0x12 | 0x20, 0x12, 0x12 | 0x0C | 0x60);
        PrinterStatus out = printer.status();
        assertTrue(out.paperOut() && out.fault());
        assertEquals("Ticket printer out of paper, please ask our staff", out.message()[1]);
        link.answer(0x12, 0x12, 0x12, 0x12 | 0x0C);
        PrinterStatus near = printer.status();
        assertTrue(near.paperNearEnd());
        assertFalse(near.fault());
        link.answer(0x1A, 0x12 | 0x40, 0x12 | 0x08, 0x12);
        assertTrue(printer.status().cutterError());
    }

    @Test
    void status_noAnswerOrGarbage_isUnreachable() {
        link.timeoutWhenEmpty = true;
        assertEquals(PrinterStatus.UNREACHABLE, printer.status());
        link.answer(0xFF, 0x12, 0x12, 0x12);
        assertEquals(PrinterStatus.UNREACHABLE, printer.status());
        link.unplugged = true;
        assertEquals(PrinterStatus.UNREACHABLE, printer.status());
    }

    @Test
    void print_writesTheTicketBetweenTwoStatusChecks() {
        link.answer(OK).answer(OK);
        assertInstanceOf(TicketPrinter.PrintResult.Printed.class, printer.print(new byte[] {0x41, 0x0A}));
        assertEquals("10 04 01 10 04 02 10 04 03 10 04 04 41 0A 10 04 01 10 04 02 10 04 03 10 04 04", link.hex());
    }

    @Test
    void print_paperOutBefore_writesNothing_andFails() {
        link.answer(0x1A, 0x32, 0x12, 0x7E);
        var r = assertInstanceOf(TicketPrinter.PrintResult.Failed.class, printer.print(new byte[] {0x41}));
        assertTrue(r.reason().contains("out of paper"), r.reason());
        assertEquals(12, link.written.size());
    }

    @Test
    void print_paperRunningOutDuringTheTicket_fails() {
        link.answer(OK).answer(0x1A, 0x32, 0x12, 0x7E);
        assertInstanceOf(TicketPrinter.PrintResult.Failed.class, printer.print(new byte[] {0x41}));
    }

    @Test
    void print_unpluggedDuringTheTicket_fails() {
        link.answer(OK);
        link.failAfterWrites = 4; // the four status requests go out, the ticket does not
        var r = printer.print(new byte[] {0x41});
        assertEquals("gone", assertInstanceOf(TicketPrinter.PrintResult.Failed.class, r).reason());
        assertArrayEquals(new byte[] {0x10, 0x04, 0x01}, java.util.Arrays.copyOf(link.written.toByteArray(), 3));
    }
}
