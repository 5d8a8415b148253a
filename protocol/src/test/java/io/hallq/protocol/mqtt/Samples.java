package io.hallq.protocol.mqtt;

import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import io.hallq.protocol.mqtt.HallStatus.ActiveAlarm;
import io.hallq.protocol.mqtt.HallStatus.BusyLevel;
import io.hallq.protocol.mqtt.HallStatus.Notice;
import io.hallq.protocol.mqtt.HallStatus.ServiceStatus;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.DailyStatistics;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One instance of every message and every event type, as a hall would send them. */
final class Samples {

    static final String HALL = "sh-pudong-01";
    static final Instant AT = Instant.parse("2026-11-23T02:15:30Z");

    private Samples() {}

    static List<HallEvent> events() {
        return List.of(
                new HallEvent.DayStarted(AT, "2026-11-23"),
                new HallEvent.TicketIssued(AT, "A012", "OPEN", "VIP", AT.minusSeconds(1200), 3, 540, true, false,
                        "138****1234", null),
                new HallEvent.TicketIssued(AT, "E001", "PAY", "WALKIN", AT, 0, -1, false, true, null, null),
                new HallEvent.TicketCalled(AT, "A012", 1),
                new HallEvent.TicketRecalled(AT, "A012", 1, 1),
                new HallEvent.TicketNoShow(AT, "A012", 1, true),
                new HallEvent.TicketServed(AT, "A012", 1, 610),
                new HallEvent.TicketTransferred(AT, "B003", 2, "SIM", "ADJ", AT),
                new HallEvent.TicketVoided(AT, "C004", "print failed"),
                new HallEvent.CounterChanged(AT, 3, CounterStatus.PAUSED),
                new HallEvent.ServiceChanged(AT, "INFO", false, "系统维护中", "Under maintenance"),
                new HallEvent.ServiceChanged(AT, "INFO", true, null, null),
                new HallEvent.AlarmRaised(AT, "EARLY_WARNING", AlarmKind.EARLY_WARNING, "排队人数较多",
                        "Many customers waiting", Map.of("waiting", 31L, "openCounters", 3L)),
                new HallEvent.AlarmCleared(AT, "EARLY_WARNING"),
                new HallEvent.TicketPrinted(AT, "A013"),
                new HallEvent.CounterProfileChanged(AT, 5, List.of(
                        new HallEvent.ProfileLine("PAY", List.of(), 600),
                        new HallEvent.ProfileLine("OPEN", List.of("VIP", "GOTONE"), 0)), "web:manager"),
                new HallEvent.ServiceRated(AT, "A012", 1, 4),
                new HallEvent.NoticePosted(AT, "今日16点停止办理开户", "No new accounts after 16:00",
                        AT.plusSeconds(3600), "mqtt:central"),
                new HallEvent.ServiceChanged(AT, "INFO", false, "系统维护中", "Under maintenance", "mqtt:central"),
                new HallEvent.TicketIssued(AT, "A013", "OPEN", "WALKIN", AT, 4, 600, false, false, null, null, true),
                new HallEvent.AlarmRaised(AT, "DEVICE:printer", AlarmKind.DEVICE, "打印机缺纸,请联系工作人员",
                        "Ticket printer out of paper, please ask our staff", Map.of(), "paper-out"),
                new HallEvent.NotificationRequested(AT, "2026-11-23/A012/ahead", "sms",
                        HallEvent.Audience.CUSTOMER, "138****1234", "reminder-ahead", "A012", null, 0, "zh",
                        "【浦东营业厅】您的号码A012前面还有3人,请回到大厅候叫。"),
                new HallEvent.NotificationSent(AT, "2026-11-23/A012/ahead", List.of("5f1a-1", "5f1a-2")),
                new HallEvent.NotificationDelivered(AT, "2026-11-23/A012/ahead", "5f1a-1"),
                new HallEvent.NotificationFailed(AT, "2026-11-23/DEVICE:printer/1", "SMS centre unreachable", true),
                new HallEvent.BookingMade(AT, "B000042", "OPEN", Instant.parse("2026-11-24T02:00:00Z"), 30,
                        "138****1234", null, null, "web", null),
                new HallEvent.BookingCancelled(AT, "B000042", "customer", "mqtt:central"),
                new HallEvent.BookingLapsed(AT, "B000043"),
                new HallEvent.TicketIssued(AT, "A014", "OPEN", "WALKIN", AT.minusSeconds(900), 1, 300, false, false,
                        "139****5678", null, true, HallEvent.TicketOrigin.APPOINTMENT, "B000041", null),
                new HallEvent.TicketIssued(AT, "B007", "SIM", "WALKIN", AT, 5, 900, false, false,
                        "137****0001", null, false, HallEvent.TicketOrigin.REMOTE, null, null),
                new HallEvent.TicketCheckedIn(AT, "B007", 2, 420, null),
                new HallEvent.TicketPassedOver(AT, "B007", 3),
                new HallEvent.BookingCapacityPlanned(AT, List.of(new HallEvent.PlannedHour(1, 9, 4),
                        new HallEvent.PlannedHour(1, 10, 6)), "erlang-c"));
    }

    static List<EventMessage> eventMessages() {
        List<HallEvent> events = events();
        return java.util.stream.IntStream.range(0, events.size())
                .mapToObj(i -> EventMessage.of(HALL, 100 + i, events.get(i))).toList();
    }

    static HallOnline online() {
        return new HallOnline(1, HALL, true, 7, AT);
    }

    static HallStatus status() {
        return new HallStatus(1, HALL, "浦东世纪大道营业厅", "Pudong Century Avenue Hall", AT, 4711, 3,
                BusyLevel.BUSY,
                Map.of("OPEN", new ServiceStatus(true, 12, Map.of("VIP", 2, "WALKIN", 10), 1800),
                        "INFO", new ServiceStatus(false, 0, Map.of(), -1)),
                List.of(new ActiveAlarm("EARLY_WARNING", AlarmKind.EARLY_WARNING, "排队人数较多",
                        "Many customers waiting", AT)),
                new Notice("系统升级,部分业务暂停", "System upgrade, some services paused", AT.plusSeconds(3600),
                        "central"));
    }

    static HallStatus quietStatus() {
        return new HallStatus(1, HALL, "浦东", "Pudong", AT, 0, 0, BusyLevel.QUIET, Map.of(), List.of(), null);
    }

    static AlarmMessage alarmRaised() {
        return new AlarmMessage(1, HALL, 120, true, "EARLY_WARNING", AlarmKind.EARLY_WARNING, "排队人数较多",
                "Many customers waiting", AT);
    }

    /** A DEVICE alarm with its cause code, as central tells printer faults apart. */
    static AlarmMessage deviceAlarm() {
        return new AlarmMessage(1, HALL, 122, true, "DEVICE:printer", AlarmKind.DEVICE, "打印机缺纸,请联系工作人员",
                "Ticket printer out of paper, please ask our staff", AT, "paper-out");
    }

    static AlarmMessage alarmCleared() {
        return new AlarmMessage(1, HALL, 121, false, "EARLY_WARNING", null, null, null, AT);
    }

    static DeviceHealth device() {
        return new DeviceHealth(1, HALL, "printer-1", DeviceHealth.State.FAILED, "paper out", AT);
    }

    /** Monday 23 November: OPEN and PAY at 9, one PAY ticket at 10 still waiting; counters 3 and 4 open. */
    static DailyStatistics statistics() {
        return new DailyStatistics(HALL, "2026-11-23",
                List.of(new DailyStatistics.ServiceHour("OPEN", 9, 2, 2, 450, 600, 1, 720, 0, 0, 1, 5),
                        new DailyStatistics.ServiceHour("PAY", 9, 3, 3, 120, 240, 3, 100, 1, 1, 0, 0),
                        new DailyStatistics.ServiceHour("PAY", 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                List.of(new DailyStatistics.CounterDay(3, 3, 3600, 900, 0.25, 100, 0, 0),
                        new DailyStatistics.CounterDay(4, 1, 3600, 720, 0.2, 720, 1, 5)));
    }

    static DailyStats stats() {
        return DailyStats.of(statistics(), AT, 4711, false);
    }

    static DailyStats closedDay() {
        return DailyStats.of(statistics(), AT.plusSeconds(20 * 3600), 4790, true);
    }

    static HallProfile profile() {
        return new HallProfile(1, HALL, AT, 4, new BusyIdleProfile(HALL, "2026-10-27", "2026-11-22", List.of(
                new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 9, 4, 37.5, 290.5, 410),
                new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 10, 4, 42.25, 301, 515.5))));
    }

    static HallProfile emptyProfile() {
        return new HallProfile(1, HALL, AT, 4, new BusyIdleProfile(HALL, null, null, List.of()));
    }

    static HallBoard board() {
        return new HallBoard(1, HALL, 4711, AT, "浦东世纪大道营业厅", "Pudong Century Avenue Hall",
                List.of(new HallBoard.Counter(1, "1号窗口", "Counter 1", CounterStatus.OPEN, "A012"),
                        new HallBoard.Counter(2, "2号窗口", "Counter 2", CounterStatus.PAUSED, null),
                        new HallBoard.Counter(3, "VIP室", "VIP room", CounterStatus.CLOSED, null)),
                List.of(new HallBoard.Call("A012", 1, true, 4711), new HallBoard.Call("E001", 2, false, 4702)),
                List.of(new HallBoard.Service("OPEN", "开户", "New account", true, 12, 1800, null, null),
                        new HallBoard.Service("PAY", "充值缴费", "Top-up", true, 0, -1, null, null),
                        new HallBoard.Service("INFO", "咨询", "Information", false, 0, -1, "系统维护中",
                                "Under maintenance")),
                List.of(new HallBoard.Notice("今日较空闲时段 11:00-14:00", "Quieter hours today: 11:00-14:00")),
                List.of(new HallBoard.PreCall("OPEN", "开户", "New account", List.of("A013", "A014"),
                        "请 A013、A014 号准备", "A013, A014 please get ready")));
    }

    /** HMAC-SHA256 under a test key of a made-up number; never a real one. */
    static final String PHONE_HASH = "3f9a0c6e5b1d2478a9e0f1c2d3b4a5968776655443322110ffeeddccbbaa9988";

    static PhoneLookupRequest lookupRequest() {
        return new PhoneLookupRequest(1, HALL, "5b2f7c1e-9d3a-4e8b-a1f0-2c6d8e9f0a1b", PHONE_HASH, AT);
    }

    static PhoneLookupReply lookupFound() {
        return new PhoneLookupReply(1, HALL, "5b2f7c1e-9d3a-4e8b-a1f0-2c6d8e9f0a1b", true, "VIP", AT.plusMillis(120));
    }

    static PhoneLookupReply lookupNotFound() {
        return new PhoneLookupReply(1, HALL, "5b2f7c1e-9d3a-4e8b-a1f0-2c6d8e9f0a1b", false, null, AT.plusMillis(90));
    }

    static List<CommandRequest> commands() {
        return List.of(
                command(1, new HallCommand.SetService("INFO", false, "系统维护中", "Under maintenance")),
                command(2, new HallCommand.SetService("INFO", true, null, null)),
                command(3, new HallCommand.BroadcastNotice("今日16点停止办理开户", "No new accounts after 16:00",
                        3600)),
                command(4, new HallCommand.RequestStats()),
                command(5, new HallCommand.SetCounterProfile(5, List.of(
                        new HallCommand.SetCounterProfile.Line("PAY", List.of(), 600L),
                        new HallCommand.SetCounterProfile.Line("OPEN", List.of("VIP", "GOTONE"), 0L)))),
                command(6, new HallCommand.BookAppointment("OPEN", Instant.parse("2026-11-24T02:00:00Z"), PHONE_HASH,
                        "138****1234")),
                command(7, new HallCommand.CancelBooking("B000007")));
    }

    /** A command as central sends it: a UUID as id, issued a second before {@link #AT}. */
    static CommandRequest command(int n, HallCommand c) {
        return CommandRequest.of("5f0c9a3e-8d1b-4c2a-9e7f-00000000000" + n, AT.minusSeconds(1), c);
    }

    static List<CommandResponse> responses() {
        return List.of(CommandResponse.accepted(HALL, "done", null),
                CommandResponse.accepted(HALL, "stats", stats()),
                CommandResponse.rejected(HALL, "NOT_ALLOWED", "issuer 'x' may not send SetService"),
                CommandResponse.rejected(HALL, "STALE", "command 5f0c9a3e-8d1b-4c2a-9e7f-000000000003 was issued at"
                        + " 2026-11-23T02:13:00Z, more than 60 s before the hall's time 2026-11-23T02:15:30Z; send a new one"),
                CommandResponse.rejected(HALL, "DUPLICATE", "command 5f0c9a3e-8d1b-4c2a-9e7f-000000000003 from central"
                        + " was already received (issued at 2026-11-23T02:15:29Z); it is carried out once"),
                CommandResponse.booking(HALL, "booked", new CommandResponse.Booking("B000007", "OPEN",
                        Instant.parse("2026-11-24T02:00:00Z"), Instant.parse("2026-11-24T02:30:00Z"), "138****1234",
                        "BOOKED")),
                CommandResponse.rejected(HALL, "SLOT_FULL", "the 10:00 slot of OPEN on 2026-11-24 is fully booked"));
    }
}
