package io.hallq.emulator.sim;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./hallq simulate --scenario weekday --days 1 --seed 1 --compare --out target/sim}: simulates the days,
 * prints the summary tables and writes the report (index.html with charts, CSV files) to the output folder.
 * A bare scenario name means {@code scenarios/<name>.yaml}.
 */
public final class SimulatorMain {

    record Options(Path scenario, int days, long seed, boolean compare, Path out, boolean staffToTarget,
                   boolean dutyDesk, Boolean vipOverflow) {}

    private SimulatorMain() {}

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("hallq simulate: " + e.getMessage() + "\nusage: hallq simulate --scenario <name|file>"
                    + " [--days N] [--seed N] [--compare] [--out DIR]"
                    + " [--staff-to-target [--duty-desk] [--vip-overflow on|off]]");
            System.exit(2);
            return;
        }
        ScenarioReader.Loaded loaded;
        try {
            loaded = ScenarioReader.load(o.scenario());
        } catch (ConfigException e) {
            System.err.println("hallq simulate: the scenario has errors:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        List<SelectionPolicy> policies = o.compare() ? List.of(SelectionPolicy.values()) : List.of(SelectionPolicy.AGEING);
        if (o.staffToTarget()) {
            staffToTarget(o, loaded);
            return;
        }
        List<SimRun> runs = new ArrayList<>();
        List<SimRun> without = new ArrayList<>();
        boolean appointments = loaded.scenario().appointments().any();
        long started = System.nanoTime();
        for (SelectionPolicy p : policies) {
            runs.add(Simulator.run(loaded.scenario(), loaded.hall(), p, o.seed(), o.days()));
            if (appointments) { // the same customers all walking in: what the appointments cost walk-ins
                without.add(Simulator.run(loaded.scenario(), loaded.hall(), p, o.seed(), o.days(), false));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> classes = loaded.hall().classes().stream().map(CustomerClassConfig::code).toList();
        System.out.print(Tables.policyTable(runs, classes));
        System.out.print(Tables.accuracyTable(runs.getFirst(), classes));
        for (int i = 0; i < without.size(); i++) {
            System.out.printf("%nAppointments and remote tickets, %s (with them, and the same customers all walking"
                    + " in):%n%n", runs.get(i).policy());
            System.out.print(AppointmentSummary.tables(runs.get(i), without.get(i), classes));
        }
        System.out.printf(Locale.ROOT, "%d simulated day(s) x %d policies%s in %.2f s%n", o.days(), runs.size(),
                appointments ? " x with and without appointments" : "", seconds);
        Path index = Report.write(o.out(), loaded, runs, without, o.seed(), o.days());
        System.out.println("report: " + index.toAbsolutePath());
    }

    private static void staffToTarget(Options o, ScenarioReader.Loaded loaded) {
        boolean overflow = o.vipOverflow() != null ? o.vipOverflow() : loaded.hall().rules().vipRoomOverflow();
        StaffToTarget search = new StaffToTarget(loaded.scenario(), loaded.hall(), o.seed(), o.days(), o.dutyDesk(),
                overflow);
        long started = System.nanoTime();
        var advice = search.run(List.of(SelectionPolicy.values()), 0.90, 0.95);
        System.out.printf(Locale.ROOT, "Staffing to target: %s, %d day(s), seed %d, duty manager's desk %s, VIP room"
                        + " takes ordinary customers %s%n%n", loaded.scenario().name(), o.days(), o.seed(),
                o.dutyDesk() ? "added" : "not added", overflow ? "on" : "off");
        System.out.print(StaffToTarget.table(advice, search.counters()));
        System.out.printf(Locale.ROOT, "searched in %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            Files.createDirectories(o.out());
            Path csv = o.out().resolve("staff_to_target.csv");
            Files.writeString(csv, StaffToTarget.csv(advice));
            System.out.println("csv: " + csv.toAbsolutePath());
        } catch (java.io.IOException e) {
            System.err.println("hallq simulate: cannot write " + o.out() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static Options parse(List<String> args) {
        Path scenario = null;
        int days = 1;
        long seed = 1;
        boolean compare = false;
        Path out = Path.of("target/sim");
        boolean staff = false;
        boolean duty = false;
        Boolean overflow = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scenario" -> scenario = scenarioPath(value(args, ++i, a));
                case "--days" -> days = number(value(args, ++i, a), a, 1, 366);
                case "--seed" -> seed = number(value(args, ++i, a), a, 0, Integer.MAX_VALUE);
                case "--compare" -> compare = true;
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--staff-to-target" -> staff = true;
                case "--duty-desk" -> duty = true;
                case "--vip-overflow" -> overflow = switch (value(args, ++i, a)) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--vip-overflow expects on or off");
                };
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (scenario == null) {
            throw new IllegalArgumentException("--scenario is required");
        }
        if ((duty || overflow != null) && !staff) {
            throw new IllegalArgumentException("--duty-desk and --vip-overflow go with --staff-to-target");
        }
        return new Options(scenario, days, seed, compare, out, staff, duty, overflow);
    }

    private static Path scenarioPath(String s) {
        Path p = Path.of(s);
        if (!s.endsWith(".yaml") && !s.contains("/") && !Files.exists(p)) {
            return Path.of("scenarios", s + ".yaml");
        }
        return p;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String s, String option, int min, int max) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", got " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got '" + s + "'");
        }
    }
}
