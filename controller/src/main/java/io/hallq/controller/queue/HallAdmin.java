package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.queue.Command.DeviceFault;
import io.hallq.controller.queue.Command.DeviceRecovered;
import io.hallq.controller.queue.Command.MarkPrinted;
import io.hallq.controller.queue.Command.PostNotice;
import io.hallq.controller.queue.Command.RateService;
import io.hallq.controller.queue.Command.SetCounterProfile;
import io.hallq.controller.queue.Command.SetService;
import io.hallq.controller.queue.Command.VoidTicket;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmCleared;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.CounterProfileChanged;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import io.hallq.protocol.event.HallEvent.ProfileLine;
import io.hallq.protocol.event.HallEvent.ServiceChanged;
import io.hallq.protocol.event.HallEvent.ServiceRated;
import io.hallq.protocol.event.HallEvent.TicketPrinted;
import io.hallq.protocol.event.HallEvent.TicketVoided;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's decisions that manage the hall rather than move customers: services on and off, counter
 * profiles, board notices, device alarms, ratings, and a paper ticket's printing or voiding. Same contract
 * as the engine: throw {@link Reject} before emitting anything, or emit the events.
 */
final class HallAdmin {

    /** Longest a board notice may stay up. */
    static final Duration MAX_NOTICE = Duration.ofHours(24);
    /** Longest notice text per language, so the board's line stays readable. */
    static final int MAX_NOTICE_CHARS = 200;

    private final HallConfig config;
    private final QueueState state;
    private final Consumer<HallEvent> emit;

    HallAdmin(QueueState state, Consumer<HallEvent> emit) {
        this.config = state.config();
        this.state = state;
        this.emit = emit;
    }

    void setService(SetService c, Instant now, String by) {
        ServiceConfig s = service(c.service());
        ServiceChanged st = state.serviceState(s.code());
        String zh = c.messageZh() == null ? s.disabledMessageZh() : c.messageZh();
        String en = c.messageEn() == null ? s.disabledMessageEn() : c.messageEn();
        if (st.enabled() == c.enabled() && (c.enabled() || (zh.equals(st.messageZh()) && en.equals(st.messageEn())))) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, s.code() + " is already " + (c.enabled() ? "on" : "off"));
        }
        emit.accept(new ServiceChanged(now, s.code(), c.enabled(), zh, en, by));
    }

    void setProfile(SetCounterProfile c, Instant now, String by) {
        CounterState counter = counter(c.counter());
        Set<String> seen = new HashSet<>();
        List<ProfileLine> lines = new ArrayList<>();
        for (ProfileEntry e : c.profile()) {
            String code = service(e.service()).code();
            if (!seen.add(code)) {
                throw new Reject(RejectReason.INVALID, "service " + code + " appears twice in the profile");
            }
            for (String cls : e.classes()) {
                config.customerClass(cls).orElseThrow(() -> new Reject(RejectReason.UNKNOWN_CLASS,
                        "unknown customer class '" + cls + "'"));
            }
            if (e.weight().isNegative()) {
                throw new Reject(RejectReason.INVALID, "the weight of " + code + " must not be negative");
            }
            lines.add(new ProfileLine(code, e.classes(), e.weight().toSeconds()));
        }
        List<ProfileLine> current = counter.profile().stream()
                .map(e -> new ProfileLine(e.service(), e.classes(), e.weight().toSeconds())).toList();
        if (current.equals(lines)) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, "counter " + c.counter() + " already has this profile");
        }
        emit.accept(new CounterProfileChanged(now, counter.number(), lines, by));
    }

    void postNotice(PostNotice c, Instant now, String by) {
        boolean withdraw = c.until() == null;
        if (!withdraw) {
            text("textZh", c.textZh());
            text("textEn", c.textEn());
            if (!c.until().isAfter(now)) {
                throw new Reject(RejectReason.INVALID, "a notice must end after now (" + now + "), not " + c.until());
            }
            if (c.until().isAfter(now.plus(MAX_NOTICE))) {
                throw new Reject(RejectReason.INVALID, "a notice may stay up for " + MAX_NOTICE.toHours()
                        + " hours at most");
            }
        } else if (state.notice(now).isEmpty()) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, "there is no notice to withdraw");
        }
        emit.accept(withdraw ? new NoticePosted(now, "", "", now, by)
                : new NoticePosted(now, c.textZh().strip(), c.textEn().strip(), c.until(), by));
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Reject(RejectReason.INVALID, field + " must not be empty");
        }
        if (value.strip().length() > MAX_NOTICE_CHARS) {
            throw new Reject(RejectReason.INVALID, field + " is longer than " + MAX_NOTICE_CHARS + " characters");
        }
    }

    void voidTicket(VoidTicket c, Instant now) {
        if (state.ticket(c.ticket()) == null) {
            throw new Reject(RejectReason.UNKNOWN_TICKET, c.ticket() + " is not in today's queue");
        }
        emit.accept(new TicketVoided(now, c.ticket(), c.reason() == null ? "voided" : c.reason()));
    }

    void markPrinted(MarkPrinted c, Instant now) {
        Ticket t = state.ticket(c.ticket());
        if (t == null) {
            throw new Reject(RejectReason.UNKNOWN_TICKET, c.ticket() + " is not in today's queue");
        }
        if (!t.awaitingPrint()) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, c.ticket() + " is not waiting to be printed");
        }
        emit.accept(new TicketPrinted(now, t.number()));
    }

    void rate(RateService c, Instant now) {
        CounterState counter = counter(c.counter());
        if (c.rating() < 1 || c.rating() > QueueEngine.MAX_RATING) {
            throw new Reject(RejectReason.INVALID, "a rating is 1.." + QueueEngine.MAX_RATING + ", not " + c.rating());
        }
        if (counter.lastServed() == null) {
            throw new Reject(RejectReason.NOTHING_TO_RATE, "counter " + c.counter() + " has no served ticket to rate");
        }
        emit.accept(new ServiceRated(now, counter.lastServed(), counter.number(), c.rating()));
    }

    void deviceFault(DeviceFault c, Instant now) {
        String id = deviceAlarmId(c.device());
        if (c.messageZh() == null || c.messageZh().isBlank() || c.messageEn() == null || c.messageEn().isBlank()) {
            throw new Reject(RejectReason.INVALID, "a device fault needs its messages in Chinese and English");
        }
        if (c.cause() != null && !c.cause().matches("[a-z0-9-]{1,40}")) {
            throw new Reject(RejectReason.INVALID, "a device fault's cause is 1-40 lower-case letters, digits or '-'");
        }
        AlarmRaised active = state.alarms().get(id);
        if (active != null && active.messageEn().equals(c.messageEn()) && Objects.equals(active.cause(), c.cause())) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, id + " is already raised");
        }
        emit.accept(new AlarmRaised(now, id, AlarmKind.DEVICE, c.messageZh(), c.messageEn(), Map.of(), c.cause()));
    }

    void deviceRecovered(DeviceRecovered c, Instant now) {
        String id = deviceAlarmId(c.device());
        if (!state.alarms().containsKey(id)) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, id + " is not raised");
        }
        emit.accept(new AlarmCleared(now, id));
    }

    private static String deviceAlarmId(String device) {
        if (device == null || !device.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new Reject(RejectReason.INVALID, "a device id is 1-40 letters, digits, '.', '_' or '-'");
        }
        return QueueEngine.DEVICE_ALARM_PREFIX + device;
    }

    ServiceConfig service(String code) {
        return config.service(code).orElseThrow(() -> new Reject(RejectReason.UNKNOWN_SERVICE,
                "unknown service '" + code + "'"));
    }

    CounterState counter(int number) {
        CounterState c = state.counter(number);
        if (c == null) {
            throw new Reject(RejectReason.UNKNOWN_COUNTER, "there is no counter " + number);
        }
        return c;
    }
}
