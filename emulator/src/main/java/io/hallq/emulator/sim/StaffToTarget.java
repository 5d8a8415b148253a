package io.hallq.emulator.sim;

import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.stats.ErlangC;
import io.hallq.controller.stats.Percentiles;
import io.hallq.controller.stats.StaffingSearch;
import io.hallq.emulator.sim.Scenario.Shift;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Staffing to target ({@code ./hallq simulate --staff-to-target}): for each selection policy, hour by hour, the
 * fewest open counters with which every class's customers issued in that hour wait no longer than the class's
 * target (busy or quiet, as at issue) at the 90th percentile (and, separately, the 95th), on the same customers.
 *
 * <p>Counters open in a fixed order: the VIP room first, then the hall's counters by number (each adds the
 * services of its profile), then the extra capacity configured: the duty manager's desk (值班经理台, every
 * service, ordinary customers) and the VIP room taking ordinary customers when idle (the hall's
 * {@code rules.vipRoomOverflow}). The search itself is {@link StaffingSearch}, shared with the manager page. An hour needs at least the counters that cover every service. Erlang C
 * (whole-hall arrivals and mean handling time of the hour) gives the starting count; the simulation judges: the
 * count goes down while the hour still meets every target, up while it does not. Hours are settled in order,
 * with later hours fully staffed while an hour is judged. An hour that misses a target with every counter open
 * is where the hall's counters are not enough.
 */
final class StaffToTarget {

    /** Counter number of the duty manager's desk when it is added. */
    static final int DUTY_DESK = 99;

    /** One hour of an advised roster. */
    record Hour(int hour, int erlangStart, int counters, boolean enough, int hallRoster) {}

    /** The advice for one policy and percentile. */
    record Advice(SelectionPolicy policy, double percentile, List<Hour> hours) {
        int counterHours() {
            return hours.stream().mapToInt(Hour::counters).sum();
        }

        int hallCounterHours() {
            return hours.stream().mapToInt(Hour::hallRoster).sum();
        }

        List<Integer> shortHours() {
            return hours.stream().filter(h -> !h.enough()).map(Hour::hour).toList();
        }
    }

    private final Scenario scenario;
    private final HallConfig hall;
    private final List<Integer> order;
    private final List<DayPlan> plans;
    private final int open;
    private final int close;
    private final int minimum;
    /** The scenario's customers who book or join remotely do so, in the hall taking them (as the simulation does). */
    private final boolean appointments;

    /**
     * @param dutyDesk     add the duty manager's desk as the last counter to open
     * @param vipOverflow  the VIP room takes ordinary customers when idle
     */
    StaffToTarget(Scenario scenario, HallConfig hall, long seed, int days, boolean dutyDesk, boolean vipOverflow) {
        this.scenario = scenario;
        HallConfig h = hall.withRules(withOverflow(hall, vipOverflow));
        if (dutyDesk) {
            List<CounterConfig> counters = new ArrayList<>(h.counters());
            List<ProfileEntry> all = h.services().stream().filter(s -> !s.directQueue())
                    .map(s -> new ProfileEntry(s.code(), List.of(), Duration.ZERO)).toList();
            counters.add(new CounterConfig(DUTY_DESK, "值班经理台", "Duty manager's desk", false, false, all));
            h = new HallConfig(h.hall(), h.hours(), h.services(), h.classes(), counters, h.alarms(), h.rules(),
                    h.journal(), h.roster(), h.appointments());
        }
        this.appointments = scenario.appointments().any();
        this.hall = appointments ? Simulator.withAppointments(h, scenario) : h;
        List<Integer> o = new ArrayList<>();
        h.counters().stream().filter(CounterConfig::vipRoom).forEach(c -> o.add(c.number()));
        h.counters().stream().filter(c -> !c.vipRoom()).forEach(c -> o.add(c.number()));
        this.order = List.copyOf(o);
        this.plans = Simulator.plans(scenario, hall, seed, days);
        this.open = h.hours().open().getHour();
        this.close = h.hours().close().getMinute() == 0 ? h.hours().close().getHour() : h.hours().close().getHour() + 1;
        this.minimum = covering();
    }

    private static io.hallq.controller.config.QueueRules withOverflow(HallConfig h, boolean on) {
        var r = h.rules();
        return new io.hallq.controller.config.QueueRules(r.recallLimit(), r.noShowRequeue(), r.transferMode(),
                r.transferPriority(), on, r.estimateWindow(), r.selection());
    }

    /** The fewest counters, in opening order, that between them take every service the scenario brings. */
    private int covering() {
        for (int k = 1; k <= order.size(); k++) {
            List<Integer> first = order.subList(0, k);
            boolean all = scenario.services().keySet().stream().allMatch(svc -> hall.counters().stream()
                    .filter(c -> first.contains(c.number()) && !c.vipRoom())
                    .anyMatch(c -> c.profile().stream().anyMatch(e -> e.service().equals(svc))));
            if (all) {
                return k;
            }
        }
        return order.size();
    }

    List<Advice> run(List<SelectionPolicy> policies, double... percentiles) {
        List<Advice> out = new ArrayList<>();
        for (SelectionPolicy p : policies) {
            for (double q : percentiles) {
                out.add(search(p, q));
            }
        }
        return out;
    }

    /** The shared search ({@link StaffingSearch}), judged by the full simulation of the scenario's days. */
    private Advice search(SelectionPolicy policy, double percentile) {
        int hours = close - open;
        int[] start = new int[hours];
        int[] min = new int[hours];
        for (int i = 0; i < hours; i++) {
            start[i] = erlang(open + i, percentile);
            min[i] = minimum;
        }
        List<Hour> out = new ArrayList<>();
        for (StaffingSearch.Hour h : StaffingSearch.search(start, min, order.size(),
                (n, i) -> meets(policy, percentile, n, i))) {
            out.add(new Hour(open + h.index(), h.erlangStart(), h.counters(), h.enough(), hallRoster(open + h.index())));
        }
        return new Advice(policy, percentile, out);
    }

    /** Erlang C for the hour's whole-hall arrivals, plus the VIP room, which takes only its own first. */
    private int erlang(int hour, double percentile) {
        LocalDate date = plans.getFirst().date();
        double weights = scenario.hourlyWeights().values().stream().mapToDouble(Double::doubleValue).sum();
        double perHour = scenario.arrivalsOn(date) * scenario.hourlyWeights().getOrDefault(hour, 0.0) / weights;
        for (Scenario.Campaign c : scenario.campaigns()) {
            if (!c.from().isAfter(LocalTime.of(hour, 0)) && c.to().isAfter(LocalTime.of(hour, 0))) {
                perHour += c.extraPerHour();
            }
        }
        double shares = scenario.services().values().stream().mapToDouble(Scenario.ServiceMix::share).sum();
        double handling = scenario.services().values().stream()
                .mapToDouble(m -> m.share() * m.handling().toSeconds()).sum() / shares;
        LocalDateTime at = date.atTime(hour, 30);
        CustomerClassConfig cls = hall.defaultClass();
        long target = (hall.hours().isBusy(at) ? cls.busyTarget() : cls.quietTarget()).toSeconds();
        int vipRoom = (int) hall.counters().stream().filter(CounterConfig::vipRoom).count();
        return ErlangC.countersNeeded(perHour, handling, target, percentile) + vipRoom;
    }

    /** Counters the scenario's own roster has open at half past the hour (first day). */
    private int hallRoster(int hour) {
        LocalTime t = LocalTime.of(hour, 30);
        return (int) plans.getFirst().shifts().stream()
                .filter(s -> !s.from().isAfter(t) && s.to().isAfter(t)).count();
    }

    /**
     * The scenario's days with the counters opened by the hour counts {@code n}: the customers who book or join
     * remotely do so when the scenario has them (the search judges the hall as it would run), else all walk in.
     */
    SimRun trial(SelectionPolicy policy, int[] n) {
        HallConfig config = Simulator.withPolicy(hall, policy);
        QueueEngine engine = new QueueEngine(config);
        Recorder out = new Recorder(Recorder.prior(config, scenario));
        for (DayPlan p : plans) {
            DayPlan day = rostered(p, n);
            new DaySimulation(engine, appointments ? day : day.withoutAppointments(), out, appointments).run();
            out.endDay();
        }
        return out.result(policy);
    }

    /**
     * What the search judges of a customer in a run with appointments: the wait in the hall, from coming in (a
     * remote ticket's check-in, not its joining) or, for an appointment, from the later of its slot and its
     * check-in; for ever when never called.
     */
    static long waitInHall(Visit v) {
        if (!v.called()) {
            return Long.MAX_VALUE;
        }
        return v.kind() == Visit.Kind.BOOKED ? v.waitAfterSlotSeconds() : v.waitSeconds();
    }

    /** True when every class's customers issued in hour {@code index} meet their target at the percentile. */
    private boolean meets(SelectionPolicy policy, double percentile, int[] n, int index) {
        ZoneId zone = hall.hall().zone();
        Map<String, List<Long>> waits = new HashMap<>();
        Map<String, Long> targets = new HashMap<>();
        SimRun run = trial(policy, n);
        if (!appointments) {
            for (TicketSample t : run.samples()) {
                if (t.issuedAt().atZone(zone).getHour() != open + index) {
                    continue;
                }
                String key = t.customerClass() + (t.busy() ? "/busy" : "/quiet");
                // a customer never called (still waiting at the end of the day) counts as waiting for ever
                waits.computeIfAbsent(key, k -> new ArrayList<>()).add(t.called() ? t.waitSeconds() : Long.MAX_VALUE);
                targets.put(key, t.targetSeconds());
            }
        } else {
            // with bookings and remote tickets, a customer's wait is the time in the hall: a remote ticket's from
            // its check-in (not from joining on the phone, the way there is no counter's doing), an appointment's
            // after its slot (an early customer waits for the slot by design); by the hour the customer came
            for (Visit v : run.visits()) {
                if (v.arrived().atZone(zone).getHour() != open + index) {
                    continue;
                }
                String key = v.customerClass() + "/" + v.targetSeconds();
                waits.computeIfAbsent(key, k -> new ArrayList<>()).add(waitInHall(v));
                targets.put(key, v.targetSeconds());
            }
        }
        for (Map.Entry<String, List<Long>> e : waits.entrySet()) {
            if (Percentiles.nearestRank(e.getValue(), percentile) > targets.get(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** The day with the counters opened by the hour counts: the first {@code n[h]} in opening order. */
    private DayPlan rostered(DayPlan p, int[] n) {
        List<Shift> shifts = new ArrayList<>();
        for (int pos = 0; pos < order.size(); pos++) {
            int from = -1;
            for (int i = 0; i <= n.length; i++) {
                boolean on = i < n.length && pos < n[i];
                if (on && from < 0) {
                    from = i;
                } else if (!on && from >= 0) {
                    LocalTime to = i == n.length ? hall.hours().close() : LocalTime.of(open + i, 0);
                    shifts.add(new Shift(order.get(pos), LocalTime.of(open + from, 0), to));
                    from = -1;
                }
            }
        }
        return p.withShifts(shifts, scenario.pausesPerShift(), scenario.pauseLength().toSeconds(), hall.hall().zone());
    }

    /** Markdown: per policy and percentile, the advised counters per hour beside the hall's roster. */
    static String table(List<Advice> advice, int maxCounters) {
        StringBuilder sb = new StringBuilder();
        Advice first = advice.getFirst();
        sb.append("| policy | percentile |");
        first.hours().forEach(h -> sb.append(String.format(Locale.ROOT, " %02d |", h.hour())));
        sb.append(" counter-hours | hall's counters not enough at |\n|---|---|");
        first.hours().forEach(h -> sb.append("---:|"));
        sb.append("---:|---|\n| hall's roster | |");
        first.hours().forEach(h -> sb.append(' ').append(h.hallRoster()).append(" |"));
        sb.append(' ').append(first.hallCounterHours()).append(" | |\n");
        for (Advice a : advice) {
            sb.append(String.format(Locale.ROOT, "| %s | p%.0f |", a.policy(), a.percentile() * 100));
            a.hours().forEach(h -> sb.append(' ').append(h.counters()).append(h.enough() ? "" : "!").append(" |"));
            sb.append(' ').append(a.counterHours()).append(" | ")
                    .append(a.shortHours().isEmpty() ? "-" : a.shortHours().stream()
                            .map(h -> String.format(Locale.ROOT, "%02d", h)).toList().toString())
                    .append(" |\n");
        }
        sb.append("\n(").append(maxCounters).append(" counters at most; ! = misses a target with all open;"
                + " Erlang C start per hour: ");
        first.hours().forEach(h -> sb.append(h.erlangStart()).append(' '));
        return sb.append(")\n").toString();
    }

    /** Hours of the day the search settles (opening hour to the hour of closing). */
    int hours() {
        return close - open;
    }

    int counters() {
        return order.size();
    }

    static String csv(List<Advice> advice) {
        StringBuilder sb = new StringBuilder("policy,percentile,hour,erlang_c_start,counters,enough,hall_roster\n");
        for (Advice a : advice) {
            for (Hour h : a.hours()) {
                sb.append(String.format(Locale.ROOT, "%s,%.2f,%d,%d,%d,%b,%d%n", a.policy(), a.percentile(), h.hour(),
                        h.erlangStart(), h.counters(), h.enough(), h.hallRoster()));
            }
        }
        return sb.toString();
    }
}
