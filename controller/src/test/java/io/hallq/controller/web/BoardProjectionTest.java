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
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.Result;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.nio.charset.StandardCharsets;
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
        run(s.cause().orElseThrow().fault());
    }

    /** The notices after replaying journal lines, each an event as a version journaled it. */
    private static List<Notice> noticesAfterReplaying(String... eventJson) {
        QueueState s = new QueueState(HALL);
        for (String json : eventJson) {
            s.apply(EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
        }
        return notices(QueueView.of(s));
    }

    /** A DEVICE alarm as the version before cause codes journaled it: texts only. */
    private static String alarmWithoutCause(String device, String zh, String en) {
        return "{\"type\":\"AlarmRaised\",\"at\":\"2026-11-23T02:00:00Z\",\"alarmId\":\"DEVICE:" + device
                + "\",\"kind\":\"DEVICE\",\"messageZh\":\"" + zh + "\",\"messageEn\":\"" + en + "\",\"figures\":{}}";
    }

    private static boolean showsAPrinterNotice(List<Notice> notices) {
        return notices.stream().anyMatch(n -> n.zh().startsWith("取号机"));
    }

    private static List<Notice> notices(QueueView s) {
        Frame f = new Frame(HallView.capture(s, 1, NOW), new DayLedger().snapshot(), List.of());
        return BoardProjection.of(f, HALL).notices();
    }

    private static io.hallq.display.board.BoardView board(QueueView s) {
        Frame f = new Frame(HallView.capture(s, 1, NOW), new DayLedger().snapshot(), List.of());
        return BoardProjection.of(f, HALL);
    }

    @Test
    void whileTheEarlyWarningIsActive_theBoardShowsThePreCallOfEachBusyService_andNothingOnceItClears() {
        run(new Command.CloseCounter(1));
        run(new Command.CloseCounter(4));
        for (int i = 0; i < 4; i++) {
            run(Command.IssueTicket.walkIn("OPEN"));
        }
        assertEquals(List.of(), board(engine.view()).preCalls(), "4 waiting at 2 open counters: no early warning");
        run(Command.IssueTicket.walkIn("PAY"));
        io.hallq.display.board.BoardView view = board(engine.view());
        assertEquals(List.of(new io.hallq.display.board.BoardView.PreCallLine("OPEN", "OPEN中文", "OPEN en",
                List.of("A001", "A002"), "请 A001、A002 号准备", "A001, A002 please get ready")), view.preCalls(),
                "PAY has 1 waiting, fewer than the default minWaiting 3");
        // the same on the wire, for a board on a Pi of its own
        assertEquals(view, io.hallq.display.board.BoardView.fromJson(view.toJson()));
        assertEquals(view, io.hallq.controller.sync.BoardMessages.toView(
                io.hallq.controller.sync.BoardMessages.toMessage("test-hall", view)));
        run(new Command.OpenCounter(4)); // 5 waiting at 3 open: the warning clears
        assertEquals(List.of(), board(engine.view()).preCalls());
    }

    @Test
    void whileNoOpenCounterServesAService_theBoardStatesNoWaitForIt_asTheMqttStatusDoes() {
        run(Command.IssueTicket.walkIn("PAY"));
        assertTrue(pay(engine.view()).waitSeconds() >= 0, "counters 2 and 3 serve PAY");
        run(new Command.Pause(2));
        run(new Command.Pause(3));
        assertEquals(1, pay(engine.view()).waiting());
        assertEquals(-1, pay(engine.view()).waitSeconds(), "only the VIP room is open: no wait to promise walk-ins");
        assertEquals(-1, engine.view().waitNow("PAY", NOW));
    }

    private static io.hallq.display.board.BoardView.ServiceLine pay(QueueView s) {
        Frame f = new Frame(HallView.capture(s, 1, NOW), new DayLedger().snapshot(), List.of());
        return BoardProjection.of(f, HALL).services().stream().filter(l -> l.code().equals("PAY")).findFirst()
                .orElseThrow();
    }

    @Test
    void printerOutOfPaper_putsTheBilingualPaperNoticeFirst_andItGoesWhenTheAlarmClears() {
        assertFalse(notices(engine.view()).contains(PrinterNotice.PAPER_OUT));
        printerFault(PAPER_OUT);
        List<Notice> shown = notices(engine.view());
        assertEquals(new Notice("取号机暂停出票(缺纸),请稍候或到服务台咨询",
                "The ticket machine is out of paper - please wait or ask at the front desk"), shown.get(0));
        run(new Command.DeviceRecovered(PrinterFault.DEVICE));
        assertTrue(notices(engine.view()).stream().noneMatch(n -> n.zh().startsWith("取号机")),
                notices(engine.view()).toString());
    }

    @Test
    void coverOpen_offline_andOtherFaults_eachHaveTheirOwnNotice() {
        printerFault(COVER_OPEN);
        assertEquals(PrinterNotice.COVER_OPEN, notices(engine.view()).get(0));
        printerFault(OFFLINE);
        assertEquals(PrinterNotice.OFFLINE, notices(engine.view()).get(0));
        printerFault(PrinterStatus.UNREACHABLE);
        assertEquals(PrinterNotice.OFFLINE, notices(engine.view()).get(0), "not connected reads as offline");
        printerFault(CUTTER);
        assertEquals(PrinterNotice.OUT_OF_ORDER, notices(engine.view()).get(0));
        assertEquals(4, List.of(PrinterNotice.PAPER_OUT, PrinterNotice.COVER_OPEN, PrinterNotice.OFFLINE,
                PrinterNotice.OUT_OF_ORDER).stream().map(Notice::en).distinct().count());
    }

    @Test
    void aPrinterAlarmWithATextThisVersionDoesNotKnow_stillTellsCustomersNoTicketsArePrinted() {
        run(new Command.DeviceFault(PrinterFault.DEVICE, "打印机过热", "Ticket printer overheated"));
        assertEquals(PrinterNotice.OUT_OF_ORDER, notices(engine.view()).get(0));
    }

    @Test
    void paperNearEnd_isForStaffOnly_unlessTheHallStopsIssuingThen() {
        run(PrinterFault.PaperLow.WARN.fault());
        assertTrue(notices(engine.view()).stream().noneMatch(n -> n.zh().startsWith("取号机")),
                notices(engine.view()).toString());
        run(PrinterFault.PaperLow.STOP.fault());
        assertEquals(PrinterNotice.PAPER_OUT, notices(engine.view()).get(0));
    }

    @Test
    void theNotice_goesByTheAlarmsCause_notByItsWording() {
        run(new Command.DeviceFault(PrinterFault.DEVICE, "取号打印机没纸了", "No paper in the ticket printer",
                "paper-out"));
        assertEquals(PrinterNotice.PAPER_OUT, notices(engine.view()).get(0));
        run(new Command.DeviceFault(PrinterFault.DEVICE, "纸仓盖没关", "Printer lid open", "cover-open"));
        assertEquals(PrinterNotice.COVER_OPEN, notices(engine.view()).get(0));
        run(new Command.DeviceFault(PrinterFault.DEVICE, "打印机离线", "Ticket printer offline", "printer-on-fire"));
        assertEquals(PrinterNotice.OUT_OF_ORDER, notices(engine.view()).get(0), "a cause this version does not know");
        run(new Command.DeviceRecovered(PrinterFault.DEVICE));
        run(new Command.DeviceFault(PrinterFault.PAPER_DEVICE, "纸快用完了,暂停取号", "Paper almost gone, paused",
                "near-end-stop"));
        assertEquals(PrinterNotice.PAPER_OUT, notices(engine.view()).get(0));
        run(new Command.DeviceFault(PrinterFault.PAPER_DEVICE, "打印纸将尽,已暂停取号",
                "Ticket paper low: issuing stopped", "near-end"));
        assertFalse(showsAPrinterNotice(notices(engine.view())), "a warning, whatever its text says");
    }

    @Test
    void aNewCause_replacesThePrinterAlarm_soExactlyOneIsActive_andRecoveryClearsIt() {
        printerFault(COVER_OPEN);
        printerFault(PAPER_OUT);
        List<HallEvent.AlarmRaised> printerAlarms = engine.view().alarms().values().stream()
                .filter(a -> PrinterFault.of(a).isPresent()).toList();
        assertEquals(1, printerAlarms.size(), printerAlarms.toString());
        assertEquals("paper-out", printerAlarms.get(0).cause());
        assertEquals(PrinterNotice.PAPER_OUT, notices(engine.view()).get(0));
        assertTrue(notices(engine.view()).stream().noneMatch(PrinterNotice.COVER_OPEN::equals));

        run(new Command.DeviceRecovered(PrinterFault.DEVICE));
        assertTrue(engine.view().alarms().values().stream().noneMatch(a -> PrinterFault.of(a).isPresent()));
        assertFalse(showsAPrinterNotice(notices(engine.view())), notices(engine.view()).toString());
    }

    @Test
    void alarmsJournaledBeforeCauseCodes_stillShowTheirOwnNotice() {
        assertEquals(PrinterNotice.PAPER_OUT, noticesAfterReplaying(alarmWithoutCause("printer",
                "打印机缺纸,请联系工作人员", "Ticket printer out of paper, please ask our staff")).get(0));
        assertEquals(PrinterNotice.COVER_OPEN, noticesAfterReplaying(alarmWithoutCause("printer",
                "打印机纸仓盖打开", "Ticket printer cover open")).get(0));
        assertEquals(PrinterNotice.OFFLINE, noticesAfterReplaying(alarmWithoutCause("printer",
                "打印机离线", "Ticket printer offline")).get(0));
        assertEquals(PrinterNotice.OFFLINE, noticesAfterReplaying(alarmWithoutCause("printer",
                "打印机未连接", "Ticket printer not connected")).get(0));
        assertEquals(PrinterNotice.OUT_OF_ORDER, noticesAfterReplaying(alarmWithoutCause("printer",
                "打印机切刀故障", "Ticket printer cutter error")).get(0));
        assertEquals(PrinterNotice.OUT_OF_ORDER, noticesAfterReplaying(alarmWithoutCause("printer",
                "打印机过热", "Ticket printer overheated")).get(0));
        assertEquals(PrinterNotice.PAPER_OUT, noticesAfterReplaying(alarmWithoutCause("printer-paper",
                "打印纸将尽,已暂停取号", "Ticket paper low: issuing stopped")).get(0));
        assertFalse(showsAPrinterNotice(noticesAfterReplaying(alarmWithoutCause("printer-paper",
                "打印纸将尽,请及时更换", "Ticket paper running low"))));
    }

    @Test
    void anOldAlarmWithoutCause_clearsAndIsReplacedByTheNewVersionsAlarm() {
        QueueEngine restarted = new QueueEngine(HALL);
        restarted.replay(EventCodec.decode(alarmWithoutCause("printer", "打印机纸仓盖打开",
                "Ticket printer cover open").getBytes(StandardCharsets.UTF_8)));
        Result r = restarted.handle(PrinterFault.COVER_OPEN.fault(), NOW);
        assertTrue(r instanceof Result.Accepted, "the same fault with its cause is journaled again: " + r);
        assertEquals("cover-open", restarted.state().alarms().get(PrinterFault.ALARM_ID).cause());
        assertTrue(restarted.handle(new Command.DeviceRecovered(PrinterFault.DEVICE), NOW) instanceof Result.Accepted);
        assertTrue(restarted.state().alarms().isEmpty());
    }

    @Test
    void otherDeviceAlarms_showNothing() {
        run(new Command.DeviceFault("button-PAY", "按钮卡住", "Button stuck"));
        assertTrue(notices(engine.view()).stream().noneMatch(n -> n.zh().startsWith("取号机")),
                notices(engine.view()).toString());
    }

    @Test
    void theNotice_isBackAfterARestart_fromTheJournaledAlarm() {
        printerFault(COVER_OPEN);
        QueueState replayed = new QueueState(HALL);
        journal.forEach(replayed::apply);
        assertEquals(PrinterNotice.COVER_OPEN, notices(QueueView.of(replayed)).get(0));
    }
}
