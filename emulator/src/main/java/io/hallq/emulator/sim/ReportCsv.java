package io.hallq.emulator.sim;

import io.hallq.controller.stats.StaffingAdvice;
import io.hallq.emulator.sim.Summary.Accuracy;
import io.hallq.emulator.sim.Summary.Waits;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's CSV files (comma, header line, '.' decimals). */
final class ReportCsv {

    private ReportCsv() {}

    static String tickets(List<SimRun> runs, ZoneId zone) {
        StringBuilder sb = new StringBuilder("policy,day,ticket,service,class,issued,busy,target_s,estimate_s,queue_length_estimate_s,wait_s\n");
        for (SimRun r : runs) {
            for (TicketSample t : r.samples()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%b,%d,%d,%d,%d%n", r.policy(), t.day(),
                        t.ticket(), t.service(), t.customerClass(), LocalDateTime.ofInstant(t.issuedAt(), zone),
                        t.busy(), t.targetSeconds(), t.estimateSeconds(), t.oracleSeconds(), t.waitSeconds()));
            }
        }
        return sb.toString();
    }

    static String policies(List<SimRun> runs, List<String> classes) {
        StringBuilder sb = new StringBuilder("policy,class,tickets,called,mean_wait_s,p50_wait_s,p90_wait_s,max_wait_s,"
                + "over_target_share,busy_mean_wait_s,quiet_mean_wait_s\n");
        for (SimRun r : runs) {
            for (Waits w : Summary.waits(r.samples(), classes)) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.4f,%.1f,%.1f%n", r.policy(),
                        w.customerClass(), w.tickets(), w.called(), w.mean(), w.p50(), w.p90(), w.max(),
                        w.overTargetShare(), w.busyMean(), w.quietMean()));
            }
        }
        return sb.toString();
    }

    static String accuracy(List<SimRun> runs, List<String> classes) {
        StringBuilder sb = new StringBuilder("policy,class,tickets,estimate_mae_s,estimate_p50_s,estimate_p90_s,"
                + "estimate_bias_s,called_by_estimate_share,queue_length_mae_s,queue_length_p50_s,queue_length_p90_s\n");
        for (SimRun r : runs) {
            for (Accuracy a : Summary.accuracy(r.samples(), classes)) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%.1f,%.1f,%.3f,%.1f,%.1f,%.1f%n", r.policy(),
                        a.customerClass(), a.n(), a.engineMae(), a.engineP50(), a.engineP90(), a.engineBias(),
                        a.calledByEstimate(),
                        a.oracleMae(), a.oracleP50(), a.oracleP90()));
            }
        }
        return sb.toString();
    }

    static String staffing(List<StaffingAdvice.Hour> advice, Map<Integer, Double> openPerHour) {
        StringBuilder sb = new StringBuilder("hour,arrivals_per_hour,mean_handling_s,target_s,counters_needed,counters_open_mean\n");
        for (StaffingAdvice.Hour h : advice) {
            sb.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%d,%d,%.2f%n", h.hour(), h.arrivalsPerHour(),
                    h.handlingSeconds(), h.targetSeconds(), h.counters(), openPerHour.getOrDefault(h.hour(), 0.0)));
        }
        return sb.toString();
    }

    /** The appointment figures per policy, one per line: policy,group,figure,value (seconds, shares 0..1, counts). */
    static String appointments(List<SimRun> with, List<SimRun> without, List<String> classes) {
        StringBuilder sb = new StringBuilder("policy,group,figure,value\n");
        for (int i = 0; i < with.size() && i < without.size(); i++) {
            SimRun w = with.get(i);
            String p = w.policy().name();
            AppointmentSummary.Counts c = w.counts();
            line(sb, p, "bookings", "made", c.bookings());
            line(sb, p, "bookings", "moved_to_another_slot", c.moved());
            line(sb, p, "bookings", "refused", c.refused());
            line(sb, p, "bookings", "checked_in", c.checkedIn());
            line(sb, p, "bookings", "checked_in_early", c.early());
            line(sb, p, "bookings", "lapsed_late", c.lapsedLate());
            line(sb, p, "bookings", "no_show", c.noShows());
            line(sb, p, "bookings", "lapsed_engine", c.lapsedByEngine());
            line(sb, p, "remote", "joined", c.remoteJoined());
            line(sb, p, "remote", "refused", c.remoteRefused());
            line(sb, p, "remote", "checked_in", c.remoteCheckedIn());
            line(sb, p, "remote", "never_checked_in", c.remoteNever());
            line(sb, p, "remote", "voided_before_customer_came", c.remoteVoided());
            line(sb, p, "remote", "dropped_engine", c.remoteDropped());
            AppointmentSummary.Punctuality q = AppointmentSummary.punctuality(w.visits());
            line(sb, p, "appointments", "called", q.called());
            line(sb, p, "appointments", "wait_after_slot_mean_s", q.mean());
            line(sb, p, "appointments", "wait_after_slot_p50_s", q.p50());
            line(sb, p, "appointments", "wait_after_slot_p90_s", q.p90());
            line(sb, p, "appointments", "wait_after_slot_max_s", q.max());
            line(sb, p, "appointments", "called_by_slot_share", q.calledBySlot());
            line(sb, p, "appointments", "wait_from_check_in_mean_s", q.meanInHall());
            AppointmentSummary.Remote r = AppointmentSummary.remote(w.visits());
            line(sb, p, "remote", "called", r.called());
            line(sb, p, "remote", "wait_from_join_mean_s", r.meanFromJoin());
            line(sb, p, "remote", "wait_from_check_in_mean_s", r.meanInHall());
            line(sb, p, "remote", "wait_from_check_in_p90_s", r.p90InHall());
            for (var e : AppointmentSummary.accuracyByOrigin(without.get(i)).entrySet()) {
                estimate(sb, p, "estimate_without_" + e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
            for (var e : AppointmentSummary.accuracyByOrigin(w).entrySet()) {
                estimate(sb, p, "estimate_with_" + e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
            for (AppointmentSummary.Cost k : AppointmentSummary.cost(w.visits(), without.get(i).visits(), classes)) {
                String g = k.group().replace(' ', '_');
                line(sb, p, g, "customers", k.customers());
                line(sb, p, g, "mean_wait_without_s", k.meanWithout());
                line(sb, p, g, "mean_wait_with_s", k.meanWith());
                line(sb, p, g, "p90_wait_without_s", k.p90Without());
                line(sb, p, g, "p90_wait_with_s", k.p90With());
                line(sb, p, g, "over_target_without_share", k.overWithout());
                line(sb, p, g, "over_target_with_share", k.overWith());
            }
        }
        return sb.toString();
    }

    private static void estimate(StringBuilder sb, String policy, String group, Summary.Accuracy a) {
        line(sb, policy, group, "tickets", a.n());
        line(sb, policy, group, "mae_s", a.engineMae());
        line(sb, policy, group, "p90_error_s", a.engineP90());
        line(sb, policy, group, "bias_s", a.engineBias());
        line(sb, policy, group, "called_by_estimate_share", a.calledByEstimate());
    }

    private static void line(StringBuilder sb, String policy, String group, String figure, double value) {
        sb.append(policy).append(',').append(group).append(',').append(figure).append(',')
                .append(value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value)
                        : String.format(Locale.ROOT, "%.4f", value)).append('\n');
    }

    /** One line per customer who came, for each run (with, without) and policy. */
    static String visits(List<SimRun> with, List<SimRun> without, ZoneId zone) {
        StringBuilder sb = new StringBuilder("run,policy,day,customer,kind,service,class,arrived,slot,joined,target_s,"
                + "wait_s,wait_after_slot_s\n");
        for (var entry : List.of(java.util.Map.entry("with", with), java.util.Map.entry("without", without))) {
            for (SimRun r : entry.getValue()) {
                for (Visit v : r.visits()) {
                    sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%d,%d,%d%n", entry.getKey(),
                            r.policy(), v.day(), v.customer(), v.kind(), v.service(), v.customerClass(),
                            LocalDateTime.ofInstant(v.arrived(), zone), time(v.slot(), zone), time(v.joined(), zone),
                            v.targetSeconds(), v.waitSeconds(), v.waitAfterSlotSeconds()));
                }
            }
        }
        return sb.toString();
    }

    private static String time(java.time.Instant t, ZoneId zone) {
        return t == null ? "" : LocalDateTime.ofInstant(t, zone).toString();
    }
}
