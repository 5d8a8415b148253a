package io.hallq.emulator.sim;

import io.hallq.controller.stats.Percentiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The appointment figures of a run with bookings and remote tickets against the same customers without them:
 * how punctually appointments are called, what became of the bookings and remote tickets, and what they cost the
 * customers who walk in.
 */
public final class AppointmentSummary {

    /**
     * What became of the day's bookings and remote tickets (all days of a run).
     *
     * @param bookings        bookings made (the engine accepted them)
     * @param moved           of those, bookings of another slot than the one nearest the time wanted (it was full)
     * @param refused         bookings the engine refused (no slot with capacity left near the wanted time): those
     *                        customers walked in
     * @param checkedIn       bookings checked in at the dispenser within the window
     * @param early           of those, customers who came before the window opened and waited for it
     * @param lapsedLate      bookings whose customer came after the window: a walk-in ticket instead
     * @param noShows         bookings nobody came for
     * @param remoteJoined    remote tickets taken (accepted)
     * @param remoteRefused   remote tickets the engine refused: those customers walked in
     * @param remoteCheckedIn remote tickets checked in at the dispenser
     * @param remoteNever     remote tickets nobody came for (never checked in)
     * @param remoteVoided    remote tickets of customers who did come, voided by the hall before they checked in
     *                        (passed over and not there within the hold limit): a walk-in ticket instead
     * @param lapsedByEngine  bookings the engine reported as lapsed (its own count, from its events)
     * @param remoteDropped   remote tickets the engine dropped unchecked-in (its own count, from its events)
     */
    public record Counts(int bookings, int moved, int refused, int checkedIn, int early, int lapsedLate, int noShows,
                         int remoteJoined, int remoteRefused, int remoteCheckedIn, int remoteNever,
                         int remoteVoided, int lapsedByEngine, int remoteDropped) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Appointments' wait after the slot time ({@link Visit#waitAfterSlotSeconds()}), in seconds.
     *
     * @param calledBySlot share of called appointments whose wait after the slot was 0
     * @param meanInHall   mean wait from check-in to the first call
     */
    public record Punctuality(int appointments, int called, double mean, double p50, double p90, double max,
                              double calledBySlot, double meanInHall) {}

    /**
     * One group of customers in both runs: waits (arrival in the hall to the first call, seconds) and share over
     * target (of those called).
     */
    public record Cost(String group, int customers, double meanWithout, double meanWith, double p90Without,
                       double p90With, double overWithout, double overWith) {}

    /** Remote tickets: wait from joining and from checking in (seconds), of those called. */
    public record Remote(int called, double meanFromJoin, double meanInHall, double p90InHall) {}

    public static final String WALK_INS = "walk-ins";

    private AppointmentSummary() {}

    public static Punctuality punctuality(List<Visit> visits) {
        List<Visit> booked = visits.stream().filter(v -> v.kind() == Visit.Kind.BOOKED).toList();
        List<Long> after = booked.stream().filter(Visit::called).map(Visit::waitAfterSlotSeconds).toList();
        List<Long> inHall = booked.stream().filter(Visit::called).map(Visit::waitSeconds).toList();
        return new Punctuality(booked.size(), after.size(), Percentiles.mean(after), Percentiles.nearestRank(after, 0.5),
                Percentiles.nearestRank(after, 0.9), Percentiles.nearestRank(after, 1.0),
                after.isEmpty() ? 0 : after.stream().filter(s -> s == 0).count() / (double) after.size(),
                Percentiles.mean(inHall));
    }

    public static Remote remote(List<Visit> visits) {
        List<Visit> r = visits.stream().filter(v -> v.kind() == Visit.Kind.REMOTE && v.called()).toList();
        List<Long> inHall = r.stream().map(Visit::waitSeconds).toList();
        return new Remote(r.size(), Percentiles.mean(r.stream()
                .map(v -> java.time.Duration.between(v.joined(), v.firstCall()).toSeconds()).toList()),
                Percentiles.mean(inHall), Percentiles.nearestRank(inHall, 0.9));
    }

    /**
     * The cost to walk-ins: the customers who walk in in the run with appointments, met again in the run without
     * (same day, same customer), all together and per class; then every customer of the day (arrival in the hall
     * to the first call, whatever the kind).
     */
    public static List<Cost> cost(List<Visit> with, List<Visit> without, List<String> classes) {
        Map<String, Visit> base = new HashMap<>();
        without.forEach(v -> base.put(key(v), v));
        Set<String> walkIns = with.stream().filter(v -> v.kind() == Visit.Kind.WALK_IN).map(AppointmentSummary::key)
                .collect(Collectors.toSet());
        List<Cost> out = new ArrayList<>();
        out.add(cost(WALK_INS, with, base, v -> walkIns.contains(key(v))));
        for (String cls : classes) {
            Predicate<Visit> p = v -> walkIns.contains(key(v)) && cls.equals(v.customerClass());
            if (with.stream().anyMatch(p)) {
                out.add(cost(WALK_INS + " " + cls, with, base, p));
            }
        }
        out.add(cost("everyone", with, base, v -> true));
        return out;
    }

    private static Cost cost(String group, List<Visit> with, Map<String, Visit> base, Predicate<Visit> in) {
        List<Visit> w = with.stream().filter(in).toList();
        List<Visit> wo = w.stream().map(v -> base.get(key(v))).filter(java.util.Objects::nonNull).toList();
        return new Cost(group, w.size(), mean(wo), mean(w), p90(wo), p90(w), over(wo), over(w));
    }

    private static double mean(List<Visit> v) {
        return Percentiles.mean(v.stream().filter(Visit::called).map(Visit::waitSeconds).toList());
    }

    private static double p90(List<Visit> v) {
        return Percentiles.nearestRank(v.stream().filter(Visit::called).map(Visit::waitSeconds).toList(), 0.9);
    }

    private static double over(List<Visit> v) {
        long called = v.stream().filter(Visit::called).count();
        return called == 0 ? 0 : v.stream().filter(Visit::overTarget).count() / (double) called;
    }

    private static String key(Visit v) {
        return v.day() + "/" + v.customer();
    }

    /**
     * The printed estimate's accuracy per ticket origin (walk-in, appointment, remote: a remote ticket's wait counts
     * from joining), as {@link Summary#accuracy} over all classes.
     */
    public static Map<String, Summary.Accuracy> accuracyByOrigin(SimRun run) {
        Map<String, io.hallq.protocol.event.HallEvent.TicketOrigin> origin = new HashMap<>();
        for (var e : run.events()) {
            if (e instanceof io.hallq.protocol.event.HallEvent.TicketIssued t) {
                origin.put(t.ticket() + "@" + t.at(), t.originOrWalkIn());
            }
        }
        Map<String, Summary.Accuracy> out = new java.util.LinkedHashMap<>();
        for (var o : io.hallq.protocol.event.HallEvent.TicketOrigin.values()) {
            List<TicketSample> of = run.samples().stream()
                    .filter(t -> origin.get(t.ticket() + "@" + t.issuedAt()) == o).toList();
            List<Summary.Accuracy> acc = Summary.accuracy(of, List.of());
            if (!acc.isEmpty()) {
                out.put(o.name(), acc.getLast());
            }
        }
        return out;
    }

    /** Visits per kind, for the mix line. */
    public static Map<Visit.Kind, Long> kinds(List<Visit> visits) {
        Map<Visit.Kind, Long> m = new java.util.EnumMap<>(Visit.Kind.class);
        visits.forEach(v -> m.merge(v.kind(), 1L, Long::sum));
        return m;
    }

    /** The figures as Markdown tables, for the console and docs. */
    public static String tables(SimRun with, SimRun without, List<String> classes) {
        StringBuilder sb = new StringBuilder();
        Counts c = with.counts();
        sb.append("| bookings | moved to another slot | refused (full) | checked in | of them early | lapsed (came late) | no-show | lapsed (engine)"
                + " | remote joined | remote refused | remote checked in | nobody came | voided before the customer came"
                + " | voided (engine) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n%n",
                c.bookings(), c.moved(), c.refused(), c.checkedIn(), c.early(), c.lapsedLate(), c.noShows(), c.lapsedByEngine(),
                c.remoteJoined(), c.remoteRefused(), c.remoteCheckedIn(), c.remoteNever(), c.remoteVoided(),
                c.remoteDropped()));
        Punctuality p = punctuality(with.visits());
        Remote r = remote(with.visits());
        sb.append("| appointments called | wait after the slot: mean (min) | p50 | p90 | max | called by the slot time"
                + " | mean wait from check-in (min) | remote tickets called | remote: mean from joining (min)"
                + " | remote: mean from check-in (min) | p90 |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.0f%% | %.1f | %d | %.1f | %.1f | %.1f |%n%n",
                p.called(), p.mean() / 60, p.p50() / 60, p.p90() / 60, p.max() / 60, 100 * p.calledBySlot(),
                p.meanInHall() / 60, r.called(), r.meanFromJoin() / 60, r.meanInHall() / 60, r.p90InHall() / 60));
        sb.append("| printed estimate (" + with.policy() + ") | tickets | MAE (min) | p90 | mean bias | called by the printed"
                + " time |\n|---|---:|---:|---:|---:|---:|\n");
        accuracyByOrigin(without).forEach((o, a) -> accuracyRow(sb, "without: " + o, a));
        accuracyByOrigin(with).forEach((o, a) -> accuracyRow(sb, "with: " + o, a));
        sb.append('\n');
        sb.append("| customers (" + with.policy() + ") | n | mean wait without (min) | with | p90 without | with"
                + " | over target without | with |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Cost k : cost(with.visits(), without.visits(), classes)) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f | %.1f | %.1f%% | %.1f%% |%n",
                    k.group(), k.customers(), k.meanWithout() / 60, k.meanWith() / 60, k.p90Without() / 60,
                    k.p90With() / 60, 100 * k.overWithout(), 100 * k.overWith()));
        }
        return sb.toString();
    }

    private static void accuracyRow(StringBuilder sb, String label, Summary.Accuracy a) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %+.2f | %.0f%% |%n", label, a.n(),
                a.engineMae() / 60, a.engineP90() / 60, a.engineBias() / 60, 100 * a.calledByEstimate()));
    }
}
