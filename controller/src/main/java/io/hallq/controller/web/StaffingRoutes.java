package io.hallq.controller.web;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.controller.stats.StaffingAdvice;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/staffing}: counters needed per hour today from the busy/idle profile of the closed days of the
 * last weeks and the wait targets, the roster that implies beside the hall's own, the counters open now, the hours
 * where even every counter is not enough, and, while the early warning is raised, how many more counters to open
 * (the alarm's own figure).
 *
 * <p>With at least {@link StaffingAdvice#MIN_DAYS_FOR_SEARCH} closed days of today's weekday in the profile, the
 * advice is the staffing-to-target search ({@link io.hallq.controller.stats.StaffingSearch}, the same code as
 * {@code ./hallq simulate --staff-to-target}) judged on the profile; with fewer, Erlang C alone, labelled so. The
 * search runs on a Vert.x worker (never the writer), at most {@link #SEARCH_BUDGET}, once per day and weeks.
 */
final class StaffingRoutes {

    /** Share of customers that should wait no longer than the target (the simulator's report uses the same). */
    static final double SERVICE_LEVEL = 0.8;

    /**
     * @param counters     how many more counters to open now (the early warning's rule on the queue as it is now)
     * @param messageZh    "请再开 N 个窗口", or that every counter is open already
     */
    record OpenMore(long counters, long waiting, long openCounters, String messageZh, String messageEn) {}

    /**
     * @param neededNow counters advised for the current hour; null outside the advised hours
     * @param openMore  null unless the early warning is active
     */
    /**
     * @param method       SIMULATION: the staffing-to-target search judged on the hall's own profile; ERLANG_C: the
     *                     profile holds fewer than {@code minDays} days of this weekday, Erlang C alone
     * @param serviceLevel share of customers within the target: the search's percentile (0.9) or Erlang C's (0.8)
     * @param daysObserved closed days of this weekday in the profile
     * @param hallCounters counters the hall can open for ordinary customers (the most the search may advise)
     * @param shortHours   hours where even every counter misses the target (judged by the search)
     * @param neededNow    counters advised for the current hour; null outside the advised hours
     * @param openMore     null unless the early warning is active
     */
    record Staffing(String day, String weekday, int weeks, String method, double serviceLevel, int daysObserved,
                    int minDays, int hallCounters, String profileFrom, String profileTo,
                    List<StaffingAdvice.Advised> hours, List<StaffingAdvice.Shift> roster, List<Integer> shortHours,
                    int currentHour, Integer neededNow, int openNow, OpenMore openMore) {}

    private record ProfileKey(String day, int weeks) {}

    /** The advice for a profile: computed once per current day and weeks, like the profile. */
    private record Advice(BusyIdleProfile profile, String method, double level, List<StaffingAdvice.Advised> hours) {}

    /** The search's percentile: the targets of issue #16 are met at p90. */
    static final double SEARCH_PERCENTILE = 0.9;

    /** The longest the search may take on a worker thread; the hours left keep Erlang C's count, not judged. */
    static final java.time.Duration SEARCH_BUDGET = java.time.Duration.ofSeconds(2);

    /** What the open-more line needs from the queue as it is now (read on the writer thread). */
    record QueueNow(long countersToOpen, long waiting, long openCounters, long shortfall) {
        static QueueNow of(QueueView s) {
            return new QueueNow(s.countersToOpen(), s.waitingCount(), s.openCounters(), s.counterShortfall());
        }
    }

    private final Vertx vertx;
    private final HallController hall;
    private final Access access;
    private final LiveFeed feed;
    /** Profiles change only when a day closes: one computation per current day and weeks. */
    private final Map<ProfileKey, Advice> advice = new ConcurrentHashMap<>();

    StaffingRoutes(Vertx vertx, HallController hall, Access access, LiveFeed feed) {
        this.vertx = vertx;
        this.hall = hall;
        this.access = access;
        this.feed = feed;
    }

    void mount(Router router) {
        router.get("/api/staffing").handler(this::staffing);
    }

    private void staffing(RoutingContext ctx) {
        if (access.require(ctx, "see the staffing advice", Role.MANAGER) == null) {
            return;
        }
        String w = ctx.queryParams().get("weeks");
        int weeks;
        try {
            // by default the weeks of the profile the hall publishes on MQTT (journal.profileWeeks)
            weeks = w == null ? hall.config().journal().profileWeeks() : Integer.parseInt(w);
        } catch (NumberFormatException e) {
            weeks = -1;
        }
        if (weeks < 1 || weeks > 52) {
            Json.error(ctx, 400, "BAD_REQUEST", "weeks: expected a whole number of weeks 1..52, got '" + w + "'");
            return;
        }
        int chosen = weeks;
        vertx.executeBlocking(() -> advice(chosen)).onComplete(r -> {
            if (r.succeeded()) {
                Json.send(ctx, 200, r.result());
            } else {
                Json.error(ctx, 500, "FAILED", "the staffing advice could not be computed: " + r.cause());
            }
        });
    }

    /** Reads the journal (closed days): run it off the event loop. */
    Staffing advice(int weeks) {
        HallView v = feed.frames().latest().view();
        var config = hall.config();
        LocalDateTime now = LocalDateTime.ofInstant(v.at(), config.hall().zone());
        String current = hall.currentDay().orElse("");
        LocalDate day = current.isEmpty() ? now.toLocalDate() : LocalDate.parse(current);
        advice.keySet().removeIf(k -> !k.day().equals(current));
        Advice a = advice.computeIfAbsent(new ProfileKey(current, weeks),
                k -> compute(config, HallStatistics.profile(hall, weeks), day.getDayOfWeek()));
        List<StaffingAdvice.Advised> hours = a.hours();
        Integer neededNow = hours.stream().filter(h -> h.hour() == now.getHour())
                .map(StaffingAdvice.Advised::counters).findFirst().orElse(null);
        int openNow = (int) v.counters().stream().filter(c -> "OPEN".equals(c.status())).count();
        List<StaffingAdvice.Shift> roster = StaffingAdvice.roster(hours.stream().map(h -> new StaffingAdvice.Hour(
                h.hour(), h.arrivalsPerHour(), h.handlingSeconds(), h.targetSeconds(), h.counters())).toList());
        return new Staffing(day.toString(), day.getDayOfWeek().name(), weeks, a.method(), a.level(),
                StaffingAdvice.daysOf(a.profile(), day.getDayOfWeek()), StaffingAdvice.MIN_DAYS_FOR_SEARCH,
                StaffingAdvice.hallCounters(config), a.profile().fromDay(), a.profile().toDay(), hours, roster,
                hours.stream().filter(h -> !h.enough()).map(StaffingAdvice.Advised::hour).toList(), now.getHour(),
                neededNow, openNow, openMore(v.alarms(), hall.query(QueueNow::of).join()));
    }

    /** The search on the profile when it holds enough days of the weekday, Erlang C otherwise (worker thread). */
    static Advice compute(io.hallq.controller.config.HallConfig config, BusyIdleProfile profile,
                          java.time.DayOfWeek day) {
        if (StaffingAdvice.daysOf(profile, day) < StaffingAdvice.MIN_DAYS_FOR_SEARCH) {
            return new Advice(profile, "ERLANG_C", SERVICE_LEVEL,
                    StaffingAdvice.erlangOnly(config, profile, day, SERVICE_LEVEL));
        }
        long deadline = System.nanoTime() + SEARCH_BUDGET.toNanos();
        return new Advice(profile, "SIMULATION", SEARCH_PERCENTILE, StaffingAdvice.toTarget(config, profile, day,
                SEARCH_PERCENTILE, () -> System.nanoTime() - deadline < 0));
    }

    /**
     * While the early warning (or the escalation) is active: how many more counters to open, computed on the
     * queue as it is now, not the figures frozen in the alarm when it was raised, so the line counts down as the
     * manager opens counters.
     *
     * @param now the queue as it is now
     */
    static OpenMore openMore(List<AlarmRaised> alarms, QueueNow now) {
        return alarms.stream().filter(a -> a.kind() == AlarmKind.EARLY_WARNING || a.kind() == AlarmKind.ESCALATION)
                .findFirst().map(a -> {
            long n = now.countersToOpen();
            var line = io.hallq.controller.queue.CounterAdvice.line(n, now.shortfall());
            return new OpenMore(n, now.waiting(), now.openCounters(), line.zh(), line.en());
        }).orElse(null);
    }
}
