package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.device.PrinterFault;
import io.hallq.controller.device.PrinterStatus;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.Result;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.protocol.event.HallEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardProjectionTest {

    private static final HallConfig HALL = TestHalls.small();
    private static final Instant NOW = TestHalls.MONDAY_10AM;
    private static final PrinterStatus PAPER_OUT = new PrinterStatus(true, false, false, false, true, false);
    private static final PrinterStatus COVER_OPEN = new PrinterStatus(true, false, true, false, false, false);
    private static final PrinterStatus OFFLINE = new PrinterStatus(true, true, false, false, false, false);
    private static final PrinterStatus CUTTER = new PrinterStatus(true, false, false, false, false, true);

    private final QueueEngine engine = new QueueEngine(HALL);
    private final List<HallEvent> journal = new ArrayList<>();

    private void run(Command c) {
        Result r = engine.handle(c, NOW);
        assertTrue(r instanceof Result.Accepted, c + " -> " + r);
        journal.addAll(r.events());
    }

    /** What the printer's status poll submits for a fault (see PrintQueue). */
    private void printerFault(PrinterStatus s) {
        run(new Command.DeviceFault(PrinterFault.DEVICE, s.message()[0], s.message()[1]));
    }

    private static List<Notice> notices(QueueState s) {
        Frame f = new Frame(HallView.capture(s, 1, NOW), new DayLedger().snapshot(), List.of());
        return BoardProjection.of(f, HALL).notices();
    }

    @Test
    void printerOutOfPaper_putsTheBilingualPaperNoticeFirst_andItGoesWhenTheAlarmClears() {
        assertFalse(notices(engine.state()).contains(PrinterNotice.PAPER_OUT));
        printerFault(PAPER_OUT);
        List<Notice> shown = notices(engine.state());
        assertEquals(new Notice("取号机暂停出票(缺纸),请稍候或到服务台咨询",
                "The ticket machine is out of paper - please wait or ask at the front desk"), shown.get(0));
        run(new Command.DeviceRecovered(PrinterFault.DEVICE));
        assertTrue(notices(engine.state()).stream().noneMatch(n -> n.zh().startsWith("取号机")),
                notices(engine.state()).toString());
    }

    @Test
    void coverOpen_offline_andOtherFaults_eachHaveTheirOwnNotice() {
        printerFault(COVER_OPEN);
        assertEquals(PrinterNotice.COVER_OPEN, notices(engine.state()).get(0));
        printerFault(OFFLINE);
        assertEquals(PrinterNotice.OFFLINE, notices(engine.state()).get(0));
        printerFault(PrinterStatus.UNREACHABLE);
        assertEquals(PrinterNotice.OFFLINE, notices(engine.state()).get(0), "not connected reads as offline");
        printerFault(CUTTER);
        assertEquals(PrinterNotice.OUT_OF_ORDER, notices(engine.state()).get(0));
        assertEquals(4, List.of(PrinterNotice.PAPER_OUT, PrinterNotice.COVER_OPEN, PrinterNotice.OFFLINE,
                PrinterNotice.OUT_OF_ORDER).stream().map(Notice::en).distinct().count());
    }

    @Test
    void aPrinterAlarmWithATextThisVersionDoesNotKnow_stillTellsCustomersNoTicketsArePrinted() {
        run(new Command.DeviceFault(PrinterFault.DEVICE, "打印机过热", "Ticket printer overheated"));
        assertEquals(PrinterNotice.OUT_OF_ORDER, notices(engine.state()).get(0));
    }

    @Test
    void paperNearEnd_isForStaffOnly_unlessTheHallStopsIssuingThen() {
        run(new Command.DeviceFault(PrinterFault.PAPER_DEVICE, PrinterFault.PAPER_LOW_WARN[0],
                PrinterFault.PAPER_LOW_WARN[1]));
        assertTrue(notices(engine.state()).stream().noneMatch(n -> n.zh().startsWith("取号机")),
                notices(engine.state()).toString());
        run(new Command.DeviceFault(PrinterFault.PAPER_DEVICE, PrinterFault.PAPER_LOW_STOP[0],
                PrinterFault.PAPER_LOW_STOP[1]));
        assertEquals(PrinterNotice.PAPER_OUT, notices(engine.state()).get(0));
    }

    @Test
    void otherDeviceAlarms_showNothing() {
        run(new Command.DeviceFault("button-PAY", "按钮卡住", "Button stuck"));
        assertTrue(notices(engine.state()).stream().noneMatch(n -> n.zh().startsWith("取号机")),
                notices(engine.state()).toString());
    }

    @Test
    void theNotice_isBackAfterARestart_fromTheJournaledAlarm() {
        printerFault(COVER_OPEN);
        QueueState replayed = new QueueState(HALL);
        journal.forEach(replayed::apply);
        assertEquals(PrinterNotice.COVER_OPEN, notices(replayed).get(0));
    }
}
