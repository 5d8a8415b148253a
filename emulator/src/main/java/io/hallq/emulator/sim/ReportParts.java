package io.hallq.emulator.sim;

import io.hallq.controller.config.BusinessHours.BusyPeriod;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.stats.StaffingAdvice;
import io.hallq.emulator.sim.Summary.Accuracy;
import io.hallq.emulator.sim.Summary.Waits;
import io.hallq.emulator.sim.Svg.Band;
import io.hallq.emulator.sim.Svg.Mark;
import io.hallq.emulator.sim.Svg.Pin;
import io.hallq.emulator.sim.Svg.Series;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.stats.DailyStatistics;
import io.hallq.protocol.stats.DailyStatistics.CounterDay;
import io.hallq.protocol.stats.DailyStatistics.ServiceHour;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The pieces of the HTML report: cards, charts and tables. */
final class ReportParts {

    private ReportParts() {}

    static String cards(SimRun run, List<String> classes) {
        Waits all = Summary.waits(run.samples(), classes).getLast();
        int maxQueue = run.minutes().stream().mapToInt(SimRun.Minute::waiting).max().orElse(0);
        StringBuilder sb = new StringBuilder("<div class='cards'>");
        card(sb, "取号 Tickets", Integer.toString(all.tickets()), null);
        card(sb, "平均等候 Mean wait", String.format(Locale.ROOT, "%.1f min", all.mean() / 60), all.mean() <= 600);
        card(sb, "90% 等候 p90 wait", String.format(Locale.ROOT, "%.1f min", all.p90() / 60), all.p90() <= 900);
        card(sb, "超时 Over target", String.format(Locale.ROOT, "%.1f%%", 100 * all.overTargetShare()),
                all.overTargetShare() <= 0.2);
        card(sb, "最长排队 Longest queue", Integer.toString(maxQueue), null);
        card(sb, "预警 Early warnings", Long.toString(Report.alarms(run, AlarmKind.EARLY_WARNING)), null);
        card(sb, "告警 Escalations", Long.toString(Report.alarms(run, AlarmKind.ESCALATION)),
                Report.alarms(run, AlarmKind.ESCALATION) == 0);
        return sb.append("</div>").toString();
    }

    private static void card(StringBuilder sb, String label, String value, Boolean good) {
        String cls = good == null ? "" : good ? " class='ok'" : " class='bad'";
        sb.append("<div class='card'>").append(Svg.esc(label)).append("<b").append(cls).append(">")
                .append(Svg.esc(value)).append("</b></div>");
    }

    /** Customers waiting per minute for each policy, open counters, busy periods shaded and alarms pinned. */
    static String queueChart(List<SimRun> runs, HallConfig hall, LocalDate day) {
        ZoneId zone = hall.hall().zone();
        Instant from = day.atTime(hall.hours().open()).atZone(zone).toInstant();
        Instant to = day.atTime(hall.hours().close()).atZone(zone).toInstant().plus(Duration.ofHours(1));
        double span = Duration.between(from, to).toMinutes();
        List<Series> series = new ArrayList<>();
        Series open = null;
        for (int i = 0; i < runs.size(); i++) {
            SimRun r = runs.get(i);
            double[] waiting = new double[(int) span + 1];
            double[] counters = new double[(int) span + 1];
            for (SimRun.Minute m : r.minutes()) {
                long x = Duration.between(from, m.at()).toMinutes();
                if (x >= 0 && x <= span) {
                    waiting[(int) x] = m.waiting();
                    counters[(int) x] = m.open();
                }
            }
            series.add(new Series("waiting, " + r.policy(), Svg.COLORS[i], waiting));
            if (i == 0) {
                open = new Series("open counters", "#4a5568", counters);
            }
        }
        List<Band> bands = new ArrayList<>();
        for (BusyPeriod p : hall.hours().busyPeriods()) {
            if (p.days().contains(day.getDayOfWeek())) {
                bands.add(new Band(minutes(from, day, p.from(), zone), minutes(from, day, p.to(), zone), "busy period", "#fefcbf"));
            }
        }
        List<Pin> pins = new ArrayList<>();
        for (AlarmRaised a : Report.alarmEvents(runs.getFirst())) {
            double x = Duration.between(from, a.at()).toMinutes();
            if (x >= 0 && x <= span) {
                pins.add(new Pin(x, a.kind() == AlarmKind.ESCALATION ? "#c53030" : "#dd6b20", a.messageEn()));
            }
        }
        List<String> ticks = new ArrayList<>();
        int hours = (int) (span / 60);
        for (int h = 0; h <= hours; h++) {
            ticks.add(String.format(Locale.ROOT, "%02d:00", hall.hours().open().getHour() + h));
        }
        return Svg.lines("排队人数 Queue through the day (▼ alarms, yellow = busy period)", 0, hours * 60.0, ticks,
                series, "customers", bands, pins, open);
    }

    private static double minutes(Instant from, LocalDate day, java.time.LocalTime t, ZoneId zone) {
        return Duration.between(from, day.atTime(t).atZone(zone).toInstant()).toMinutes();
    }

    static String waitChart(List<SimRun> runs, HallConfig hall, List<String> classes) {
        List<String> cats = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (String c : classes) {
            CustomerClassConfig cls = hall.customerClass(c).orElseThrow();
            marks.add(new Mark(cats.size(), cls.busyTarget().toMinutes(), c + " busy target"));
            cats.add(c);
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Waits> w = byClass(Summary.waits(runs.get(i).samples(), classes));
            double[] p90 = cats.stream().mapToDouble(c -> w.containsKey(c) ? w.get(c).p90() / 60 : 0).toArray();
            series.add(new Series("p90 " + runs.get(i).policy(), Svg.COLORS[i], p90));
        }
        double cap = 3 * marks.stream().mapToDouble(Mark::value).max().orElse(15);
        return Svg.bars("90% 等候时间 Wait p90 per class vs busy target (min)", cats, series, "minutes", marks, cap);
    }

    /** Share of each class called within x minutes, x from 0 to 60: the whole wait distribution at a glance. */
    static String distributionChart(SimRun run, List<String> classes) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            String cls = classes.get(i);
            List<Long> waits = run.samples().stream().filter(t -> t.called() && t.customerClass().equals(cls))
                    .map(TicketSample::waitSeconds).toList();
            if (waits.isEmpty()) {
                continue;
            }
            double[] within = new double[61];
            for (int m = 0; m <= 60; m++) {
                long limit = m * 60L;
                within[m] = 100.0 * waits.stream().filter(w -> w <= limit).count() / waits.size();
            }
            series.add(new Series(cls, Svg.COLORS[i % Svg.COLORS.length], within));
        }
        List<String> ticks = List.of("0", "10", "20", "30", "40", "50", "60 min");
        return Svg.lines("等候分布 Waits, " + run.policy() + ": % called within x min (red: targets)",
                0, 60, ticks, series, "% of class", List.of(new Band(4.8, 5.2, "quiet target 5 min", "#fc8181"),
                        new Band(9.8, 10.2, "GoTone/VIP busy target 10 min", "#fc8181"),
                        new Band(14.8, 15.2, "busy target 15 min", "#fc8181")),
                List.of(), null);
    }

    static String overTargetChart(List<SimRun> runs, List<String> classes) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Waits> w = byClass(Summary.waits(runs.get(i).samples(), classes));
            double[] v = classes.stream().mapToDouble(c -> w.containsKey(c) ? 100 * w.get(c).overTargetShare() : 0).toArray();
            series.add(new Series(runs.get(i).policy().name(), Svg.COLORS[i], v));
        }
        return Svg.bars("超时比例 Share of customers over their target (%)", classes, series, "%", List.of());
    }

    static String staffingChart(List<StaffingAdvice.Hour> advice, Map<Integer, Double> openPerHour,
                                List<DailyStatistics> stats) {
        Map<Integer, Double> arrivals = new TreeMap<>();
        for (DailyStatistics d : stats) {
            for (ServiceHour h : d.serviceHours()) {
                arrivals.merge(h.hour(), (double) h.arrivals() / stats.size(), Double::sum);
            }
        }
        List<String> cats = new ArrayList<>();
        List<Double> need = new ArrayList<>();
        List<Double> had = new ArrayList<>();
        List<Double> arr = new ArrayList<>();
        for (StaffingAdvice.Hour h : advice) {
            cats.add(h.hour() + ":00");
            need.add((double) h.counters());
            had.add(openPerHour.getOrDefault(h.hour(), 0.0));
            arr.add(arrivals.getOrDefault(h.hour(), 0.0) / 10);
        }
        return Svg.bars("窗口需求 Counters needed (Erlang C, 80% within target) vs open", cats, List.of(
                new Series("needed", "#c53030", need.stream().mapToDouble(Double::doubleValue).toArray()),
                new Series("open (mean)", "#2b6cb0", had.stream().mapToDouble(Double::doubleValue).toArray()),
                new Series("arrivals / 10", "#a0aec0", arr.stream().mapToDouble(Double::doubleValue).toArray())),
                "counters", List.of());
    }

    static String utilisationChart(List<DailyStatistics> stats) {
        Map<Integer, double[]> acc = new TreeMap<>();
        for (DailyStatistics d : stats) {
            for (CounterDay c : d.counters()) {
                double[] a = acc.computeIfAbsent(c.counter(), k -> new double[2]);
                a[0] += c.busySeconds();
                a[1] += c.openSeconds();
            }
        }
        List<String> cats = acc.keySet().stream().map(n -> n + "号 #" + n).toList();
        double[] util = acc.values().stream().mapToDouble(a -> a[1] == 0 ? 0 : 100 * a[0] / a[1]).toArray();
        return Svg.bars("窗口利用率 Counter utilisation (% of open time busy)", cats,
                List.of(new Series("utilisation", "#2b6cb0", util)), "%", List.of());
    }

    static String accuracyChart(SimRun run, List<String> classes) {
        List<String> cats = new ArrayList<>();
        List<Double> eng = new ArrayList<>();
        List<Double> ora = new ArrayList<>();
        for (Accuracy a : Summary.accuracy(run.samples(), classes)) {
            cats.add(a.customerClass());
            eng.add(a.engineMae() / 60);
            ora.add(a.oracleMae() / 60);
        }
        return Svg.bars("预估误差 Wait estimate: mean absolute error (min)", cats, List.of(
                new Series("printed estimate", "#2b6cb0", eng.stream().mapToDouble(Double::doubleValue).toArray()),
                new Series("queue-length estimate", "#dd6b20", ora.stream().mapToDouble(Double::doubleValue).toArray())),
                "minutes", List.of());
    }

    static String staffingTable(List<StaffingAdvice.Hour> advice, Map<Integer, Double> openPerHour) {
        StringBuilder sb = new StringBuilder("<table><tr><th>hour</th><th>arrivals/h</th><th>mean handling (min)</th>"
                + "<th>target (min)</th><th>counters needed</th><th>counters open (mean)</th></tr>");
        for (StaffingAdvice.Hour h : advice) {
            double open = openPerHour.getOrDefault(h.hour(), 0.0);
            sb.append(String.format(Locale.ROOT, "<tr><td>%02d:00</td><td>%.1f</td><td>%.1f</td><td>%d</td><td>%d</td>"
                    + "<td class='%s'>%.1f</td></tr>", h.hour(), h.arrivalsPerHour(), h.handlingSeconds() / 60,
                    h.targetSeconds() / 60, h.counters(), open + 0.05 < h.counters() ? "bad" : "ok", open));
        }
        return sb.append("</table>").toString();
    }

    static String alarmTable(List<SimRun> runs) {
        StringBuilder sb = new StringBuilder("<table><tr><th>policy</th><th>early warnings</th><th>escalations</th>"
                + "<th>tickets overdue</th></tr>");
        for (SimRun r : runs) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>", r.policy(),
                    Report.alarms(r, AlarmKind.EARLY_WARNING), Report.alarms(r, AlarmKind.ESCALATION),
                    Report.alarms(r, AlarmKind.TICKET_OVERDUE)));
        }
        sb.append("</table><table><tr><th>time</th><th>alarm (").append(runs.getFirst().policy()).append(")</th></tr>");
        List<AlarmRaised> list = Report.alarmEvents(runs.getFirst());
        for (AlarmRaised a : list.subList(0, Math.min(40, list.size()))) {
            sb.append("<tr><td>").append(a.at()).append("</td><td style='text-align:left'>")
                    .append(Svg.esc(a.messageZh() + " / " + a.messageEn())).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    /** A Markdown table from {@link Tables} as HTML. */
    static String table(String markdown) {
        StringBuilder sb = new StringBuilder("<table>");
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 1) {
                continue;
            }
            String tag = i == 0 ? "th" : "td";
            sb.append("<tr>");
            String row = lines.get(i).trim();
            for (String cell : row.substring(1, row.length() - 1).split("\\|")) {
                sb.append('<').append(tag).append('>').append(Svg.esc(cell.trim())).append("</").append(tag).append('>');
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private static Map<String, Waits> byClass(List<Waits> waits) {
        Map<String, Waits> m = new TreeMap<>();
        waits.forEach(w -> m.put(w.customerClass(), w));
        return m;
    }

    static String localTime(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone).toLocalTime().toString();
    }

    /**
     * The appointments section: what became of bookings and remote tickets, appointments' wait after the slot, and
     * what they cost walk-ins (the same customers without appointments), with two charts.
     */
    static String appointments(SimRun with, SimRun without, List<String> classes) {
        StringBuilder sb = new StringBuilder("<h2>预约与线上取号 Appointments and remote tickets (")
                .append(with.policy()).append(")</h2>");
        sb.append("<p>Same customers twice: with bookings and remote tickets, and all walking in. Wait after the slot"
                + " = first call less the later of the slot time and the check-in (0 when called before the slot)."
                + " Walk-ins = customers who walk in in both runs.</p>");
        for (String block : AppointmentSummary.tables(with, without, classes).split("\n\n")) {
            if (!block.isBlank()) {
                sb.append(table(block.strip() + "\n"));
            }
        }
        sb.append("<div class='grid'>");
        List<String> cats = new ArrayList<>();
        List<AppointmentSummary.Cost> costs = AppointmentSummary.cost(with.visits(), without.visits(), classes);
        for (AppointmentSummary.Cost c : costs) {
            cats.add(c.group().replace(AppointmentSummary.WALK_INS + " ", ""));
        }
        sb.append(Svg.bars("步入客户等候 Walk-ins' mean wait without and with appointments (min)", cats, List.of(
                new Series("without", Svg.COLORS[0], costs.stream().mapToDouble(c -> c.meanWithout() / 60).toArray()),
                new Series("with", Svg.COLORS[1], costs.stream().mapToDouble(c -> c.meanWith() / 60).toArray())),
                "minutes", List.of()));
        List<Long> after = with.visits().stream().filter(v -> v.kind() == Visit.Kind.BOOKED && v.called())
                .map(Visit::waitAfterSlotSeconds).toList();
        double[] within = new double[31];
        for (int m = 0; m <= 30; m++) {
            long limit = m * 60L;
            within[m] = after.isEmpty() ? 0 : 100.0 * after.stream().filter(w -> w <= limit).count() / after.size();
        }
        sb.append(Svg.lines("预约准时 Appointments: % called within x min after the slot", 0, 30,
                List.of("0", "5", "10", "15", "20", "25", "30 min"),
                List.of(new Series("appointments", Svg.COLORS[1], within)), "% called", List.of(), List.of(), null));
        return sb.append("</div>").toString();
    }
}
