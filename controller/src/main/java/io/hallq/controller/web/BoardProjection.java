package io.hallq.controller.web;

import io.hallq.controller.config.BusinessHours;
import io.hallq.controller.config.BusinessHours.BusyPeriod;
import io.hallq.controller.config.HallConfig;
import io.hallq.display.board.BoardView;
import io.hallq.display.board.BoardView.CallLine;
import io.hallq.display.board.BoardView.CounterLine;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.display.board.BoardView.PreCallLine;
import io.hallq.controller.notify.PreCallRule;
import io.hallq.display.board.BoardView.ServiceLine;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link Frame} into what the hall board shows. Nothing personal: no phone, class or token. */
final class BoardProjection {

    static final int CALLS_SHOWN = 8;

    private BoardProjection() {}

    static BoardView of(Frame f, HallConfig config) {
        HallView v = f.view();
        List<CounterLine> counters = v.counters().stream()
                .map(c -> new CounterLine(c.number(), c.nameZh(), c.nameEn(), c.status(), c.current())).toList();
        List<CallLine> calls = f.ledger().calls().stream().limit(CALLS_SHOWN)
                .map(c -> new CallLine(c.ticket(), c.counter(), c.recall(), c.seq())).toList();
        List<ServiceLine> services = v.services().stream()
                .map(s -> new ServiceLine(s.code(), s.nameZh(), s.nameEn(), s.enabled(), s.waiting(),
                        s.walkInWaitSeconds(), s.messageZh(), s.messageEn())).toList();
        List<PreCallLine> preCalls = v.preCalls().stream().map(g -> new PreCallLine(g.service(), g.nameZh(),
                g.nameEn(), g.tickets(), PreCallRule.textZh(g), PreCallRule.textEn(g))).toList();
        return new BoardView(v.seq(), v.at(), v.hallZh(), v.hallEn(), counters, calls, services,
                notices(f, config), preCalls);
    }

    private static List<Notice> notices(Frame f, HallConfig config) {
        List<Notice> out = new ArrayList<>();
        PrinterNotice.of(f.view().alarms()).ifPresent(out::add); // first: customers cannot take a ticket
        f.view().services().stream().filter(s -> !s.enabled()).forEach(s -> out.add(new Notice(
                s.nameZh() + " 暂停办理:" + s.messageZh(), s.nameEn() + " is unavailable: " + s.messageEn())));
        DayOfWeek today = f.view().at().atZone(config.hall().zone()).getDayOfWeek();
        String quiet = String.join(", ", quietHours(config.hours(), today));
        if (!quiet.isEmpty()) {
            out.add(new Notice("今日较空闲时段 " + quiet + ",欢迎错峰办理",
                    "Quieter hours today: " + quiet + " - shorter waits"));
        }
        out.addAll(f.neighbourNotices());
        return out;
    }

    /** Opening hours minus today's busy periods, as "HH:MM-HH:MM" ranges. */
    static List<String> quietHours(BusinessHours hours, DayOfWeek day) {
        List<LocalTime[]> free = new ArrayList<>();
        free.add(new LocalTime[] {hours.open(), hours.close()});
        for (BusyPeriod p : hours.busyPeriods()) {
            if (!p.days().contains(day)) {
                continue;
            }
            List<LocalTime[]> next = new ArrayList<>();
            for (LocalTime[] r : free) {
                if (p.from().isAfter(r[0])) {
                    next.add(new LocalTime[] {r[0], min(r[1], p.from())});
                }
                if (p.to().isBefore(r[1])) {
                    next.add(new LocalTime[] {max(r[0], p.to()), r[1]});
                }
            }
            free = next;
        }
        return free.stream().filter(r -> r[0].isBefore(r[1])).map(r -> r[0] + "-" + r[1]).toList();
    }

    private static LocalTime min(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }
}
