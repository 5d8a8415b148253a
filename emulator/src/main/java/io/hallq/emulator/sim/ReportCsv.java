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
}
