package io.hallq.controller.web;

import io.hallq.controller.device.PrinterFault;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.util.List;
import java.util.Optional;

/**
 * The hall board's line for customers while the dispenser issues no paper tickets because of its printer.
 * Derived from the journaled active alarms (so it is back after a restart and goes when the alarm clears):
 * a printer fault, or paper near its end when the hall is set to stop issuing then. Paper near its end
 * under {@code nearEnd: WARN} is a warning for staff only and shows nothing here.
 */
final class PrinterNotice {

    static final Notice PAPER_OUT = new Notice("取号机暂停出票(缺纸),请稍候或到服务台咨询",
            "The ticket machine is out of paper - please wait or ask at the front desk");
    static final Notice COVER_OPEN = new Notice("取号机暂停出票(纸仓盖打开),请稍候或到服务台咨询",
            "The ticket machine's paper cover is open - please wait or ask at the front desk");
    static final Notice OFFLINE = new Notice("取号机暂停出票(打印机离线),请稍候或到服务台咨询",
            "The ticket machine's printer is offline - please wait or ask at the front desk");
    /** A cutter error, or a printer alarm cause this version does not know. */
    static final Notice OUT_OF_ORDER = new Notice("取号机暂停出票(打印机故障),请稍候或到服务台咨询",
            "The ticket machine is not printing tickets - please wait or ask at the front desk");

    private PrinterNotice() {}

    static Optional<Notice> of(List<AlarmRaised> alarms) {
        for (AlarmRaised a : alarms) {
            if (PrinterFault.ALARM_ID.equals(a.alarmId())) {
                return Optional.of(PrinterFault.of(a).map(PrinterNotice::notice).orElse(OUT_OF_ORDER));
            }
        }
        boolean stoppedForPaper = alarms.stream()
                .anyMatch(a -> PrinterFault.PaperLow.of(a).orElse(null) == PrinterFault.PaperLow.STOP);
        return stoppedForPaper ? Optional.of(PAPER_OUT) : Optional.empty();
    }

    private static Notice notice(PrinterFault f) {
        return switch (f) {
            case PAPER_OUT -> PAPER_OUT;
            case COVER_OPEN -> COVER_OPEN;
            case NOT_CONNECTED, OFFLINE -> OFFLINE;
            case CUTTER_ERROR -> OUT_OF_ORDER;
        };
    }
}
