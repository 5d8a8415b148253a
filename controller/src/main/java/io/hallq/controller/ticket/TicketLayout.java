package io.hallq.controller.ticket;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.display.CallText;
import io.hallq.controller.ticket.EscPos.Align;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.tinylog.Logger;

/**
 * Lays a ticket out for the printer: hall, big number, service, people ahead, wait, a nearby hall with a
 * shorter wait (when there is one), time, QR, footer.
 */
public final class TicketLayout {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final HallConfig hall;
    private final TicketSettings settings;
    private final NearbyHalls nearby;
    private final java.util.function.Function<String, java.util.Optional<String[]>> smsNotes;

    public TicketLayout(HallConfig hall, TicketSettings settings) {
        this(hall, settings, NearbyHalls.NONE);
    }

    /** @param nearby asked for a nearby hall with a shorter wait when a ticket is laid out */
    public TicketLayout(HallConfig hall, TicketSettings settings, NearbyHalls nearby) {
        this(hall, settings, nearby, token -> java.util.Optional.empty());
    }

    /** @param smsNotes what a ticket says about its SMS reminder, by mobile token (the notification module) */
    public TicketLayout(HallConfig hall, TicketSettings settings, NearbyHalls nearby,
                        java.util.function.Function<String, java.util.Optional<String[]>> smsNotes) {
        this.hall = hall;
        this.settings = settings;
        this.nearby = nearby;
        this.smsNotes = smsNotes;
    }

    /** The content of the ticket an event issued. */
    public TicketContent content(TicketIssued e) {
        ServiceConfig s = hall.service(e.service()).orElseThrow(
                () -> new IllegalArgumentException("ticket " + e.ticket() + " has unknown service " + e.service()));
        long wait = e.estimatedWaitSeconds() < 0 ? -1 : CallText.minutes(e.estimatedWaitSeconds());
        String url = settings.mobileUrlBase() == null || e.token() == null ? null : settings.mobileUrlBase() + e.token();
        return new TicketContent(hall.hall().nameZh(), hall.hall().nameEn(), e.ticket(), s.nameZh(), s.nameEn(),
                e.peopleAhead(), wait, ISSUED.format(LocalDateTime.ofInstant(e.at(), hall.hall().zone())),
                e.vipRoom(), url, settings.footerZh(), settings.footerEn(), nearbyFor(e), smsNoteFor(e), tagOf(e));
    }

    /** The printed origin of an appointment or a remote ticket ({zh, en[, booking zh, booking en]}), else null. */
    static String[] tagOf(TicketIssued e) {
        return switch (e.originOrWalkIn()) {
            case WALK_IN -> null;
            case APPOINTMENT -> e.booking() == null ? new String[] {TAG_APPOINTMENT_ZH, TAG_APPOINTMENT_EN}
                    : new String[] {TAG_APPOINTMENT_ZH, TAG_APPOINTMENT_EN, "预约号 " + e.booking(),
                            "Booking " + e.booking()};
            case REMOTE -> new String[] {TAG_REMOTE_ZH, TAG_REMOTE_EN};
        };
    }

    /** The tag of a booked customer's ticket, on paper and on the staff terminal. */
    public static final String TAG_APPOINTMENT_ZH = "预约";
    public static final String TAG_APPOINTMENT_EN = "Appointment";
    /** The tag of a ticket taken from a phone (printed when it checks in). */
    public static final String TAG_REMOTE_ZH = "线上取号";
    public static final String TAG_REMOTE_EN = "Remote ticket";

    /** Never at the cost of the ticket: a failing source prints it without the note. */
    private String[] smsNoteFor(TicketIssued e) {
        if (e.token() == null) {
            return null;
        }
        try {
            return smsNotes.apply(e.token()).orElse(null);
        } catch (RuntimeException ex) {
            Logger.warn(ex, "No SMS note for ticket {}", e.ticket());
            return null;
        }
    }

    /**
     * The nearby hall to mention, or null. The source decides, given this ticket's own wait (a VIP with a head
     * start may wait less than the walk-in the board speaks for); never at the cost of the ticket: a failing
     * source prints the ticket without it.
     */
    private NearbyHall nearbyFor(TicketIssued e) {
        try {
            return nearby.suggestionFor(e.service(), e.estimatedWaitSeconds()).orElse(null);
        } catch (RuntimeException ex) {
            Logger.warn(ex, "No nearby-hall suggestion for ticket {}", e.ticket());
            return null;
        }
    }

    /**
     * The ticket as ESC/POS bytes for the configured paper: every line fits its width (48 columns on 80 mm,
     * 32 on 58 mm), a sentence in two languages or in two parts goes on one line when it fits and a line per
     * part when not, and anything longer breaks between words or Chinese characters ({@link TextWrap}).
     */
    public byte[] escPos(TicketContent t) {
        EscPos p = new EscPos(settings.paperDots()).init().align(Align.CENTER);
        p.size(1, 1).line(t.hallZh()).line(t.hallEn());
        p.size(4, 4).line(t.ticket());
        if (t.tag() != null) {
            p.size(2, 2).line("【" + t.tag()[0] + "】");
            p.size(1, 1).line(t.tag()[1]);
            if (t.tag().length > 3) {
                inParts(p, " / ", t.tag()[2], t.tag()[3]);
            }
        }
        p.size(2, 2).line(t.serviceZh());
        p.size(1, 1).line(t.serviceEn());
        inParts(p, " / ", "前面还有 " + t.peopleAhead() + " 人", t.peopleAhead() + " ahead of you");
        if (t.waitMinutes() < 0) {
            inParts(p, " / ", "今日暂无窗口办理", "No counter for this today");
        } else {
            inParts(p, " / ", "预计等候约 " + t.waitMinutes() + " 分钟", "Est. wait " + t.waitMinutes() + " min");
        }
        if (t.nearby() != null) {
            String en = t.nearby().textEn();
            inParts(p, "", t.nearby().whereZh(), t.nearby().howLongZh());
            p.line(Character.toUpperCase(en.charAt(0)) + en.substring(1));
        }
        if (t.smsNote() != null) {
            p.line(t.smsNote()[0]).line(t.smsNote()[1]);
        }
        p.line("取号时间 Issued " + t.issuedAt());
        if (t.vipRoom()) {
            p.size(1, 2).line("请到贵宾室等候").size(1, 1).line("Please go to the VIP room");
        }
        if (t.mobileUrl() != null) {
            p.qr(t.mobileUrl(), settings.paperWidthMm() == 58 ? 4 : 6);
            inParts(p, " / ", "扫码查看排队进度", "Scan to follow your turn");
        }
        if (t.footerZh() != null) {
            p.line(t.footerZh());
        }
        if (t.footerEn() != null) {
            p.line(t.footerEn());
        }
        return p.feed(3).cut().bytes();
    }

    /** The parts joined on one line when that fits the paper, otherwise a line (or more) per part. */
    private static void inParts(EscPos p, String joiner, String... parts) {
        String whole = String.join(joiner, parts);
        if (p.fits(whole)) {
            p.line(whole);
        } else {
            for (String part : parts) {
                p.line(part);
            }
        }
    }
}
