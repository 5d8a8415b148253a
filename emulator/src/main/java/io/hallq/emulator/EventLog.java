package io.hallq.emulator;

import io.hallq.controller.hall.EventListener;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.display.CallText;
import io.hallq.display.HallBoard;
import io.hallq.protocol.event.HallEvent;
import java.util.List;
import org.tinylog.Logger;

/** Writes what happens in the hall to the log, the way a person in the hall would see and hear it. */
final class EventLog implements EventListener, HallModule {

    private final HallBoard board = new HallBoard(5);

    @Override
    public String name() {
        return "event-log";
    }

    @Override
    public void start(HallContext context) {
        context.hall().addListener(this);
    }

    @Override
    public void close() {
        // the listener goes with the controller
    }

    @Override
    public void onEvents(List<JournaledEvent> events) {
        for (JournaledEvent je : events) {
            board.apply(je.event());
            String line = describe(je.event());
            if (line != null) {
                Logger.info("#{} {}", je.sequence(), line);
            }
        }
    }

    HallBoard board() {
        return board;
    }

    static String describe(HallEvent event) {
        return switch (event) {
            case HallEvent.DayStarted d -> "营业日开始 Business day " + d.day() + " started";
            case HallEvent.TicketIssued t -> "取号 Ticket " + t.ticket() + " [" + t.service() + "/" + t.customerClass()
                    + (t.origin() == null ? "" : "/" + t.origin()) + "] " + CallText.issued(t.ticket(), t.peopleAhead(), t.estimatedWaitSeconds(), t.vipRoom());
            case HallEvent.TicketCalled c -> "叫号 " + CallText.call(c.ticket(), c.counter());
            case HallEvent.TicketRecalled r -> "重呼 " + CallText.recall(r.ticket(), r.counter(), r.count());
            case HallEvent.TicketNoShow n -> "过号 No-show " + n.ticket() + " at counter " + n.counter()
                    + (n.requeued() ? " (back in the queue / 重新排队)" : "");
            case HallEvent.TicketServed s -> "完成 Served " + s.ticket() + " at counter " + s.counter()
                    + (s.handlingSeconds() >= 0 ? " in " + s.handlingSeconds() + " s" : "");
            case HallEvent.TicketTransferred t -> "转移 Transfer " + t.ticket() + " " + t.fromService() + " → "
                    + t.toService();
            case HallEvent.TicketVoided v -> "作废 Voided " + v.ticket() + ": " + v.reason();
            case HallEvent.CounterChanged c -> "窗口 Counter " + c.counter() + " " + c.status();
            case HallEvent.CounterProfileChanged p -> "窗口业务 Counter " + p.counter() + " profile: "
                    + p.profile().stream().map(HallEvent.ProfileLine::service).toList();
            case HallEvent.ServiceChanged s -> "业务 Service " + s.service() + (s.enabled() ? " on / 恢复办理"
                    : " off / 暂停办理: " + s.messageZh() + " / " + s.messageEn()) + (s.by() == null ? "" : " by " + s.by());
            case HallEvent.AlarmRaised a -> "告警 ALARM " + a.messageZh() + " / " + a.messageEn();
            case HallEvent.AlarmCleared a -> "解除 Alarm cleared: " + a.alarmId();
            case HallEvent.ServiceRated r -> "评价 Rated " + r.ticket() + " at counter " + r.counter() + ": " + r.rating();
            case HallEvent.TicketPrinted p -> "出票 Printed " + p.ticket();
            case HallEvent.NoticePosted n -> n.until().isAfter(n.at())
                    ? "公告 Notice: " + n.textZh() + " / " + n.textEn() + " (until " + n.until() + ")"
                    : "公告撤销 Notice withdrawn";
            case HallEvent.NotificationRequested n -> "短信 SMS to " + n.to() + " (" + n.purpose() + "): " + n.text();
            case HallEvent.NotificationSent n -> "短信已发 SMS sent " + n.id() + " in " + n.messageIds().size()
                    + " part(s)";
            case HallEvent.NotificationDelivered n -> "短信送达 SMS delivered " + n.id();
            case HallEvent.NotificationFailed n -> "短信失败 SMS failed " + n.id() + ": " + n.reason()
                    + (n.retrying() ? " (retrying / 重试)" : "");
            case HallEvent.BookingMade b -> "预约 Booking " + b.booking() + " " + b.service() + " at " + b.slot()
                    + " for " + b.phoneMasked() + " (" + b.channel() + ")";
            case HallEvent.BookingCancelled b -> "取消预约 Booking cancelled " + b.booking() + ": " + b.reason();
            case HallEvent.BookingLapsed b -> "预约过期 Booking lapsed " + b.booking();
            case HallEvent.TicketCheckedIn c -> "签到 Remote ticket " + c.ticket() + " checked in";
            case HallEvent.TicketPassedOver p -> "暂缓 Remote ticket " + p.ticket() + " passed over at counter "
                    + p.counter() + " (not checked in / 未签到)";
            case HallEvent.BookingCapacityPlanned p -> "预约容量 Booking capacity planned (" + p.source() + ", "
                    + p.hours().size() + " hours)";
        };
    }
}
