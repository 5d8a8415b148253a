package io.hallq.controller.device.pi4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import io.hallq.controller.device.InputPin;
import io.hallq.controller.device.Max7219Chain;
import io.hallq.controller.device.PrinterStatus;
import io.hallq.controller.device.TicketPrinter;
import io.hallq.controller.ticket.EscPos;
import io.hallq.display.led.SevenSegment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On a wired Pi only: {@code ./hallq mvn -pl controller -am test -Dtest=Pi4jHardwareTest -Dhallq.hardware=true
 * -Dsurefire.failIfNoSpecifiedTests=false} with optional {@code -Dhallq.printer=/dev/usb/lp0 -Dhallq.button=5
 * -Dhallq.spi=0.0}. Skipped elsewhere; a test aborts (not fails) when its device is not there.
 */
@EnabledIfSystemProperty(named = "hallq.hardware", matches = "true")
class Pi4jHardwareTest {

    @Test
    void printer_answersItsStatus_andPrintsATestTicket() {
        Path device = Path.of(System.getProperty("hallq.printer", "/dev/usb/lp0"));
        Assumptions.assumeTrue(device.toFile().exists(), "no printer at " + device);
        boolean serial = device.toString().contains("tty") || device.toString().contains("serial");
        try (StreamPrinterLink link = serial ? StreamPrinterLink.serial(device, Integer.getInteger("hallq.baud", 19200))
                : StreamPrinterLink.usb(device)) {
            TicketPrinter printer = new TicketPrinter(link, Duration.ofMillis(300));
            PrinterStatus status = printer.status();
            Assumptions.assumeTrue(status.reachable(), "the printer does not answer DLE EOT");
            byte[] ticket = new EscPos(576).init().align(EscPos.Align.CENTER).size(4, 4).line("T001")
                    .size(1, 1).line("硬件测试 Hardware test").qr("http://hallq.test/m/abc", 6).feed(3).cut().bytes();
            assertTrue(printer.print(ticket) instanceof TicketPrinter.PrintResult.Printed, status.toString());
        }
    }

    @Test
    void button_readsHighWhileReleased_andDisplayShowsEights() {
        try (Pi4jBoard board = new Pi4jBoard(Pi4J.newAutoContext(), true)) {
            InputPin button = board.input(Integer.getInteger("hallq.button", 5));
            assertTrue(button.high(), "the button reads pressed: check the wiring and the pull-up");
            String[] spi = System.getProperty("hallq.spi", "0.0").split("\\.");
            Max7219Chain chain = new Max7219Chain(board.spi(Integer.parseInt(spi[0]), Integer.parseInt(spi[1])), 1);
            chain.init(8);
            for (int d = 0; d < 8; d++) {
                chain.row(d, new int[] {SevenSegment.pattern('8')});
            }
        }
    }
}
