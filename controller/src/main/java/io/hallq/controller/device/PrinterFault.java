package io.hallq.controller.device;

import io.hallq.controller.queue.QueueEngine;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why the ticket printer cannot print, most important first, with the cause code and texts of the DEVICE alarm
 * it raises ({@value #ALARM_ID}). Whoever reads the journaled alarms (the hall board after a restart, too) tells
 * the causes apart by the alarm's {@link AlarmRaised#cause() cause} with {@link #of(AlarmRaised)}, so the texts
 * may be reworded freely.
 */
public enum PrinterFault implements PrinterAlarm {

    NOT_CONNECTED("not-connected", "打印机未连接", "Ticket printer not connected"),
    PAPER_OUT("paper-out", "打印机缺纸,请联系工作人员", "Ticket printer out of paper, please ask our staff"),
    COVER_OPEN("cover-open", "打印机纸仓盖打开", "Ticket printer cover open"),
    CUTTER_ERROR("cutter-error", "打印机切刀故障", "Ticket printer cutter error"),
    OFFLINE("offline", "打印机离线", "Ticket printer offline");

    /** The device name of the printer's faults. */
    public static final String DEVICE = "printer";
    /** The id of the printer's fault alarm: one at a time, its cause says which fault. */
    public static final String ALARM_ID = QueueEngine.DEVICE_ALARM_PREFIX + DEVICE;
    /** The device name of the paper-near-end warning. */
    public static final String PAPER_DEVICE = "printer-paper";
    /** The id of the paper-near-end warning. */
    public static final String PAPER_ALARM_ID = QueueEngine.DEVICE_ALARM_PREFIX + PAPER_DEVICE;

    /**
     * Paper near its end: a warning while the hall keeps issuing ({@code devices.printer.nearEnd: WARN}), or the
     * reason the dispenser stopped issuing ({@code nearEnd: STOP}).
     */
    public enum PaperLow implements PrinterAlarm {
        WARN("near-end", "打印纸将尽,请及时更换", "Ticket paper running low"),
        STOP("near-end-stop", "打印纸将尽,已暂停取号", "Ticket paper low: issuing stopped");

        private final Texts texts;

        PaperLow(String cause, String messageZh, String messageEn) {
            this.texts = new Texts(PAPER_DEVICE, cause, messageZh, messageEn);
        }

        @Override
        public Texts texts() {
            return texts;
        }

        /** The state of a paper-near-end alarm; empty for any other alarm and for an unknown cause. */
        public static Optional<PaperLow> of(AlarmRaised alarm) {
            return byCause(alarm, PAPER_ALARM_ID, values(), PaperLow::cause, LEGACY_PAPER);
        }
    }

    /**
     * The English texts the version before cause codes journaled, frozen: an alarm journaled then (no cause) is
     * read by them. Never edit these when rewording the messages above.
     */
    private static final Map<String, PrinterFault> LEGACY = Map.of(
            "Ticket printer not connected", NOT_CONNECTED,
            "Ticket printer out of paper, please ask our staff", PAPER_OUT,
            "Ticket printer cover open", COVER_OPEN,
            "Ticket printer cutter error", CUTTER_ERROR,
            "Ticket printer offline", OFFLINE);
    private static final Map<String, PaperLow> LEGACY_PAPER = Map.of(
            "Ticket paper running low", PaperLow.WARN,
            "Ticket paper low: issuing stopped", PaperLow.STOP);

    private final Texts texts;

    PrinterFault(String cause, String messageZh, String messageEn) {
        this.texts = new Texts(DEVICE, cause, messageZh, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }

    /**
     * The cause of a printer fault alarm; empty for any other alarm, and for a printer alarm whose cause is
     * none of these (raised by a later version): it still means that no ticket is printed.
     */
    public static Optional<PrinterFault> of(AlarmRaised alarm) {
        return byCause(alarm, ALARM_ID, values(), PrinterFault::cause, LEGACY);
    }

    /** The constant of {@code alarm}'s cause, or of its English text when it was journaled without a cause. */
    private static <T> Optional<T> byCause(AlarmRaised alarm, String alarmId, T[] values, Function<T, String> cause,
                                           Map<String, T> legacy) {
        if (!alarmId.equals(alarm.alarmId())) {
            return Optional.empty();
        }
        if (alarm.cause() == null) {
            return Optional.ofNullable(legacy.get(alarm.messageEn()));
        }
        return Arrays.stream(values).filter(v -> cause.apply(v).equals(alarm.cause())).findFirst();
    }
}
