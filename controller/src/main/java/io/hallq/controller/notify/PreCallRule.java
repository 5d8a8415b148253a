package io.hallq.controller.notify;

import io.hallq.controller.config.PreCallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.TicketView;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The hall's one pre-call rule (issue #14 item 6; domain.md: pre-call when crowded), which the board shows and the
 * voice says: while the early warning is active and outside the pre-call quiet hours, every busy service (at least
 * {@code alarms.precall.minWaiting} waiting; direct queues and switched-off services left out) asks its next
 * {@code alarms.precall.count} customers, in the order they will be called, to get ready. Pure: the state and the
 * time decide, so the board and the voice always agree.
 */
public final class PreCallRule {

    private PreCallRule() {}

    /** One busy service's pre-call: its next tickets, first to be called first. */
    public record Group(String service, String nameZh, String nameEn, List<String> tickets) {
        public Group {
            tickets = List.copyOf(tickets);
        }
    }

    /** The pre-calls in force at {@code now}, in the services' configured order; empty when none. */
    public static List<Group> decide(QueueView s, Instant now) {
        PreCallConfig cfg = s.config().alarms().precall();
        if (!cfg.enabled() || !earlyWarning(s)) {
            return List.of();
        }
        if (cfg.quietAt(LocalTime.ofInstant(now, s.config().hall().zone()))) {
            return List.of();
        }
        List<Group> out = new ArrayList<>();
        for (ServiceConfig svc : s.config().services()) {
            if (svc.directQueue() || !s.serviceState(svc.code()).enabled()) {
                continue;
            }
            if (s.waitingCount(svc.code()) < cfg.minWaiting()) {
                continue;
            }
            List<String> next = s.waiting(svc.code(), cfg.count()).stream() // queue order: rank, then issue
                    .map(TicketView::number).toList();
            out.add(new Group(svc.code(), svc.nameZh(), svc.nameEn(), next));
        }
        return out;
    }

    /** The group of one service, when it is pre-called now. */
    public static java.util.Optional<Group> forService(QueueView s, Instant now, String service) {
        return decide(s, now).stream().filter(g -> g.service().equals(service)).findFirst();
    }

    private static boolean earlyWarning(QueueView s) {
        return s.alarms().values().stream().anyMatch(a -> a.kind() == AlarmKind.EARLY_WARNING);
    }

    /** The board's line for a group, in both languages: "请 A012、A013 号准备" / "A012, A013 please get ready". */
    public static String textZh(Group g) {
        return "请 " + String.join("、", g.tickets()) + " 号准备";
    }

    public static String textEn(Group g) {
        return String.join(", ", g.tickets()) + " please get ready";
    }
}
