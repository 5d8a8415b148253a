package io.hallq.emulator.sim;

import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.controller.stats.ProfileBuilder;
import io.hallq.controller.stats.StaffingAdvice;
import io.hallq.controller.stats.StatisticsCsv;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.stats.DailyStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulation report: {@code index.html} (inline SVG charts, opens offline) and CSV files beside it. Charts
 * show the first simulated day; tables cover all days.
 */
public final class Report {

    private Report() {}

    /** Writes the report into {@code dir} (created if needed) and returns the path of index.html. */
    public static Path write(Path dir, ScenarioReader.Loaded loaded, List<SimRun> runs, long seed, int days) {
        return write(dir, loaded, runs, List.of(), seed, days);
    }

    /**
     * The report of a scenario with appointments: {@code runs} with them, {@code without} the same policies on the
     * same customers all walking in (empty: a scenario without appointments, nothing added). Adds the appointments
     * section to index.html, {@code appointments.csv} (the figures per policy) and {@code visits.csv} (one line
     * per customer, run and policy).
     */
    public static Path write(Path dir, ScenarioReader.Loaded loaded, List<SimRun> runs, List<SimRun> without,
                             long seed, int days) {
        HallConfig hall = loaded.hall();
        SimRun main = runs.getFirst();
        List<String> classes = hall.classes().stream().map(CustomerClassConfig::code).toList();
        List<DailyStatistics> stats = HallStatistics.of(hall, main.events());
        List<StaffingAdvice.Hour> advice = StaffingAdvice.forWeekday(hall,
                ProfileBuilder.build(hall.hall().id(), stats), loaded.scenario().startDate().getDayOfWeek(), 0.8);
        Map<Integer, Double> openPerHour = openPerHour(main, hall.hall().zone(),
                loaded.scenario().startDate().getDayOfWeek());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tickets.csv"), ReportCsv.tickets(runs, hall.hall().zone()));
            Files.writeString(dir.resolve("policies.csv"), ReportCsv.policies(runs, classes));
            Files.writeString(dir.resolve("accuracy.csv"), ReportCsv.accuracy(runs, classes));
            Files.writeString(dir.resolve("service_hours.csv"), StatisticsCsv.serviceHours(stats));
            Files.writeString(dir.resolve("counters.csv"), StatisticsCsv.counters(stats));
            Files.writeString(dir.resolve("staffing.csv"), ReportCsv.staffing(advice, openPerHour));
            if (!without.isEmpty()) {
                Files.writeString(dir.resolve("appointments.csv"), ReportCsv.appointments(runs, without, classes));
                Files.writeString(dir.resolve("visits.csv"), ReportCsv.visits(runs, without, hall.hall().zone()));
            }
            Path index = dir.resolve("index.html");
            Files.writeString(index, html(loaded, runs, without, classes, stats, advice, openPerHour, seed, days));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    /** Mean open counters per hour over the simulated days with the advice's weekday. */
    private static Map<Integer, Double> openPerHour(SimRun run, ZoneId zone, java.time.DayOfWeek day) {
        Map<Integer, double[]> acc = new TreeMap<>();
        for (SimRun.Minute m : run.minutes()) {
            if (LocalDateTime.ofInstant(m.at(), zone).getDayOfWeek() != day) {
                continue;
            }
            double[] a = acc.computeIfAbsent(LocalDateTime.ofInstant(m.at(), zone).getHour(), k -> new double[2]);
            a[0] += m.open();
            a[1]++;
        }
        Map<Integer, Double> out = new TreeMap<>();
        acc.forEach((h, a) -> out.put(h, a[0] / a[1]));
        return out;
    }

    private static String html(ScenarioReader.Loaded loaded, List<SimRun> runs, List<SimRun> without,
                               List<String> classes,
                               List<DailyStatistics> stats, List<StaffingAdvice.Hour> advice,
                               Map<Integer, Double> openPerHour, long seed, int days) {
        HallConfig hall = loaded.hall();
        Scenario sc = loaded.scenario();
        SimRun main = runs.getFirst();
        StringBuilder sb = new StringBuilder(header(hall, sc, seed, days));
        sb.append(ReportParts.cards(main, classes));
        sb.append("<div class='grid'>");
        sb.append(ReportParts.queueChart(runs, hall, sc.startDate()));
        sb.append(ReportParts.waitChart(runs, hall, classes));
        sb.append(ReportParts.distributionChart(main, classes));
        sb.append(ReportParts.overTargetChart(runs, classes));
        sb.append(ReportParts.staffingChart(advice, openPerHour, stats));
        sb.append(ReportParts.utilisationChart(stats));
        sb.append(ReportParts.accuracyChart(main, classes));
        sb.append("</div>");
        sb.append("<h2>策略比较 Policy comparison (same arrivals)</h2>").append(ReportParts.table(Tables.policyTable(runs, classes)));
        sb.append("<h2>等候时间预估准确度 Wait estimate accuracy (").append(main.policy())
                .append(")</h2><p>Estimate = the wait printed on the ticket; queue-length = people ahead &times; mean handling time / open counters able to serve, computed in the same state.</p>")
                .append(ReportParts.table(Tables.accuracyTable(main, classes)));
        if (!without.isEmpty()) {
            sb.append(ReportParts.appointments(main, without.getFirst(), classes));
        }
        sb.append("<h2>人员配置建议 Staffing advice vs what the day had</h2>").append(ReportParts.staffingTable(advice, openPerHour));
        sb.append("<h2>告警 Alarms raised</h2>").append(ReportParts.alarmTable(runs));
        sb.append("<p>CSV: <a href='tickets.csv'>tickets</a>, <a href='policies.csv'>policies</a>, <a href='accuracy.csv'>accuracy</a>, ")
                .append("<a href='service_hours.csv'>service hours</a>, <a href='counters.csv'>counters</a>, <a href='staffing.csv'>staffing</a>")
                .append(without.isEmpty() ? "" : ", <a href='appointments.csv'>appointments</a>, <a href='visits.csv'>visits</a>")
                .append("</p>");
        return sb.append("</body></html>").toString();
    }

    private static String header(HallConfig hall, Scenario sc, long seed, int days) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>")
                .append(Svg.esc("模拟报告 Simulation report: " + sc.name())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:24px;max-width:1340px;color:#1a202c}")
                .append(".grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}.chart{width:100%;border:1px solid #e2e8f0}")
                .append(".cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #cbd5e0;border-radius:6px;padding:8px 14px}")
                .append(".card b{display:block;font-size:22px}.bad{color:#c53030}.ok{color:#2f855a}")
                .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #cbd5e0;padding:3px 8px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}</style></head><body>");
        sb.append("<h1>").append(Svg.esc("营业厅模拟报告 Hall simulation: " + sc.name())).append("</h1><p>")
                .append(Svg.esc(hall.hall().nameZh() + " / " + hall.hall().nameEn() + " — " + sc.description()))
                .append(Svg.esc(String.format(Locale.ROOT, " — from %s, %d day(s), seed %d. Charts: first day.",
                        sc.startDate(), days, seed))).append("</p>");
        return sb.toString();
    }

    static long alarms(SimRun run, AlarmKind kind) {
        return run.events().stream().filter(e -> e instanceof AlarmRaised a && a.kind() == kind).count();
    }

    static List<AlarmRaised> alarmEvents(SimRun run) {
        return run.events().stream().filter(e -> e instanceof AlarmRaised a && a.kind() != AlarmKind.TICKET_OVERDUE)
                .map(HallEvent.class::cast).map(AlarmRaised.class::cast).toList();
    }
}
