package io.hallq.controller.device;

import io.hallq.controller.queue.QueueEngine;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why the ticket printer cannot print, most important first, with the texts of the DEVICE alarm it raises
 * ({@value #ALARM_ID}). The alarm texts name the cause exactly, so whoever reads the journaled alarms (the
 * hall board after a restart, too) can tell the causes apart with {@link #of(AlarmRaised)}.
 */
public enum PrinterFault {

    NOT_CONNECTED("打印机未连接", "Ticket printer not connected"),
    PAPER_OUT("打印机缺纸,请联系工作人员", "Ticket printer out of paper, please ask our staff"),
    COVER_OPEN("打印机纸仓盖打开", "Ticket printer cover open"),
    CUTTER_ERROR("打印机切刀故障", "Ticket printer cutter error"),
    OFFLINE("打印机离线", "Ticket printer offline");

    /** The device name of the printer's faults. */
    public static final String DEVICE = "printer";
    /** The id of the printer's fault alarm. */
    public static final String ALARM_ID = QueueEngine.DEVICE_ALARM_PREFIX + DEVICE;
    /** The device name of the paper-near-end warning. */
    public static final String PAPER_DEVICE = "printer-paper";
    /** The id of the paper-near-end warning. */
    public static final String PAPER_ALARM_ID = QueueEngine.DEVICE_ALARM_PREFIX + PAPER_DEVICE;
    /** The near-end warning's texts when the hall keeps issuing ({@code devices.printer.nearEnd: WARN}). */
    public static final String[] PAPER_LOW_WARN = {"打印纸将尽,请及时更换", "Ticket paper running low"};
    /** The near-end warning's texts when the dispenser stops issuing ({@code nearEnd: STOP}). */
    public static final String[] PAPER_LOW_STOP = {"打印纸将尽,已暂停取号", "Ticket paper low: issuing stopped"};

    private final String messageZh;
    private final String messageEn;

    PrinterFault(String messageZh, String messageEn) {
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /**
     * The cause of a printer fault alarm; empty for any other alarm, and for a printer alarm whose text is
     * none of these (journaled by another version): it still means that no ticket is printed.
     */
    public static Optional<PrinterFault> of(AlarmRaised alarm) {
        if (!ALARM_ID.equals(alarm.alarmId())) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(f -> f.messageEn.equals(alarm.messageEn())).findFirst();
    }
}
