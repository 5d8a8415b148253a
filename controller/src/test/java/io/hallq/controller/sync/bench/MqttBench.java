package io.hallq.controller.sync.bench;

import io.hallq.controller.Await;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.queue.Command;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.controller.sync.SyncHalls;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 200 halls on one Mosquitto with a central subscriber. For the hallq path (controller + journal + outbox +
 * Paho) and for a raw baseline (bare Paho clients publishing payloads of the same size), in the same JVM and the
 * same run: publish-to-central latency at a fixed offered rate (for the halls: from the moment the caller learns
 * the event is durable), and central's rate when every hall sends its next as soon as the previous is
 * acknowledged (durable) (closed loop), and central's rate when every hall sends its next as soon as central has
 * received the previous (paced closed loop: one message per hall on its way, as the bare clients' own closed loop
 * is paced by the broker's acknowledgement, so that no hall runs ahead of delivery). A third, disk baseline: as many writers as halls appending and forcing a
 * file each in a closed loop ({@link FsyncBaseline}), which bounds the halls' closed loop.
 *
 * <p>To make the figures steady enough to compare builds: the halls and both baselines are all started before
 * anything is measured (the same threads exist in every window); an unmeasured warm-up pass runs each load once
 * (JIT, connections, first journal segments); then {@code reps} repetitions each measure every load, the baseline
 * and the halls back to back in alternating order; and the median and range over the repetitions are reported,
 * with the p99 ratio taken within each repetition. GC and JIT time inside the halls' windows are printed, so a
 * run shows whether either disturbed them.
 *
 * <p>With {@code eventsToday} above 0 every hall starts in the middle of a day: that many events journaled
 * today already and published (the outbox cursor at the end), made once by a template hall with
 * {@link OutboxBusyDayBench}'s commands and copied into each hall's journal folder before it starts, so that the
 * outbox's cost of the day's length shows at 200 halls too (the old outbox re-read the day for every batch).
 *
 * <p>Usage: MqttBench [halls=200] [latencySeconds=15] [throughputSeconds=10] [ratePerHall=2] [reps=3]
 * [warmupSeconds=5] [eventsToday=0]. The file uses only public API and test helpers, so it can be copied into an older tree
 * (with Loads, Probe, RawBaseline, FsyncBaseline and Await) to run there.
 */
public final class MqttBench {

    private MqttBench() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int halls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int latencySec = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int throughputSec = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double perHall = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int warmupSec = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int eventsToday = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        Path dir = Files.createTempDirectory("hallq-mqtt-bench");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             RawBaseline raw = new RawBaseline(broker.uri(), halls);
             Halls hallq = new Halls(broker.uri(), dir, halls, eventsToday)) {
            FsyncBaseline disk = new FsyncBaseline(dir.resolve("fsync"), halls);
            brokerPriority();
            System.out.printf("halls=%d offered=%.0f ev/s latency=%ds throughput=%ds reps=%d warm-up=%ds "
                    + "events today at the start=%d threads=%d mosquitto=%s%n", halls, halls * perHall, latencySec,
                    throughputSec, reps, warmupSec, hallq.eventsAtStart, Thread.activeCount(), broker.uri());
            Loads.Sender rawSend = raw::send;
            // warm-up, unmeasured: every load once
            Loads.open(raw.probe(), halls, perHall, warmupSec, rawSend);
            Loads.open(hallq.probe, halls, perHall, warmupSec, hallq::send);
            Loads.closed(raw.probe(), halls, warmupSec, rawSend);
            Loads.closed(hallq.probe, halls, warmupSec, hallq::send, hallq::windowEnd);
            Loads.paced(raw.probe(), halls, warmupSec, raw::sendPaced, () -> {});
            Loads.paced(hallq.probe, halls, warmupSec, hallq::sendPaced, () -> {});
            disk.closed(warmupSec);
            System.out.printf("    warm-up outbox: %s%n", hallq.outboxReport());
            System.out.printf("warm-up done; load %s%n", load());
            System.out.printf("%-3s %-15s %-15s %-15s %7s %9s %9s %9s %9s %9s %7s %-17s %-13s %s%n", "rep", "load",
                    "raw p50/p99", "hallq p50/p99", "p99 x", "raw ev/s", "hallq ev/s", "raw pace", "hq pace",
                    "fsync/s", "hq/fs", "hallq GC/JIT ms", "early/samples", "GC ms/count in open loops");
            double[][] rows = new double[reps][];
            for (int r = 0; r < reps; r++) {
                String loadAtStart = load();
                boolean rawFirst = r % 2 == 0;
                Window hw = new Window();
                Window rw = new Window();
                List<double[]> open = inTurn(rawFirst, rw, () -> Loads.open(raw.probe(), halls, perHall, latencySec,
                        rawSend), hw, () -> Loads.open(hallq.probe, halls, perHall, latencySec, hallq::send));
                double[] rl = open.get(0);
                double[] hl = open.get(1);
                long early = hallq.probe.early();
                String openGc = hw.gcMs + "/" + hw.gcCount + " raw " + rw.gcMs + "/" + rw.gcCount + " (uptime s: halls "
                        + hw.firstStartMs / 1000.0 + "-" + hw.firstStopMs / 1000.0 + ", raw "
                        + rw.firstStartMs / 1000.0 + "-" + rw.firstStopMs / 1000.0 + ")";
                List<Double> closed = inTurn(rawFirst, new Window(), () -> Loads.closed(raw.probe(), halls,
                        throughputSec, rawSend), hw, () -> Loads.closed(hallq.probe, halls, throughputSec, hallq::send,
                        hallq::windowEnd));
                double rc = closed.get(0);
                double hc = closed.get(1);
                System.out.printf("    rep %d outbox: %s%n", r + 1, hallq.outboxReport());
                List<Double> paced = inTurn(rawFirst, new Window(), () -> Loads.paced(raw.probe(), halls,
                        throughputSec, raw::sendPaced, () -> {}), hw, () -> Loads.paced(hallq.probe, halls,
                        throughputSec, hallq::sendPaced, hallq::windowEnd));
                double rp = paced.get(0);
                double hp = paced.get(1);
                System.out.printf("    rep %d outbox (paced): %s%n", r + 1, hallq.outboxReport());
                double fs = disk.closed(throughputSec);
                rows[r] = new double[] {rl[0], rl[1], hl[0], hl[1], hl[1] / rl[1], rc, hc, rp, hp, fs, hc / fs};
                System.out.printf("%-3d %-15s %6.2f/%-8.2f %6.2f/%-8.2f %7.1f %9.0f %9.0f %9.0f %9.0f %9.0f %7.2f %-17s "
                        + "%-13s %s%n", r + 1, loadAtStart, rl[0], rl[1], hl[0], hl[1], hl[1] / rl[1], rc, hc, rp, hp,
                        fs, hc / fs, hw.gcMs + "/" + hw.jitMs, early + "/" + (long) hl[2], openGc);
            }
            String[] names = {"raw p50 ms", "raw p99 ms", "hallq p50 ms", "hallq p99 ms", "p99 ratio",
                    "raw closed ev/s", "hallq closed ev/s", "raw paced ev/s", "hallq paced ev/s", "fsync closed /s",
                    "hallq/fsync"};
            System.out.printf("median [min .. max] over %d repetitions:%n", reps);
            for (int c = 0; c < names.length; c++) {
                double[] col = new double[reps];
                for (int r = 0; r < reps; r++) {
                    col[r] = rows[r][c];
                }
                Arrays.sort(col);
                double median = reps % 2 == 1 ? col[reps / 2] : (col[reps / 2 - 1] + col[reps / 2]) / 2;
                System.out.printf("  %-18s %10.2f  [%.2f .. %.2f]%n", names[c], median, col[0], col[reps - 1]);
            }
            System.out.printf("end; load %s%n", load());
        } finally {
            deleteTree(dir); // 200 busy days are over a gigabyte
        }
        System.exit(0);
    }

    /**
     * With {@code -Dhallq.bench.brokerNice=N}, the broker process runs at nice N (e.g. -10). The broker stands for
     * central's broker, which runs on a machine of its own: in this JVM 200 halls' writers can leave its one
     * thread about 1/200 of a CPU when they are all busy (the closed loop), and the run then measures that.
     */
    private static void brokerPriority() throws Exception {
        String nice = System.getProperty("hallq.bench.brokerNice");
        if (nice == null) {
            return;
        }
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            if (p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false)) {
                int rc = new ProcessBuilder("renice", "-n", nice, "-p", Long.toString(p.pid())).inheritIO().start()
                        .waitFor();
                System.out.printf("broker pid %d at nice %s (renice exit %d)%n", p.pid(), nice, rc);
            }
        }
    }

    /**
     * Runs the baseline's load and the halls' back to back, the baseline's first when {@code rawFirst}, each inside
     * its {@link Window}; returns {baseline's result, halls' result}.
     */
    private static <T> List<T> inTurn(boolean rawFirst, Window rawWindow, java.util.concurrent.Callable<T> rawLoad,
                                      Window hallsWindow, java.util.concurrent.Callable<T> hallsLoad) throws Exception {
        if (rawFirst) {
            T rawResult = measured(rawWindow, rawLoad);
            return List.of(rawResult, measured(hallsWindow, hallsLoad));
        }
        T hallsResult = measured(hallsWindow, hallsLoad);
        return List.of(measured(rawWindow, rawLoad), hallsResult);
    }

    private static <T> T measured(Window window, java.util.concurrent.Callable<T> load) throws Exception {
        window.start();
        T result = load.call();
        window.stop();
        return result;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /** GC and JIT time spent inside the measured windows of the halls. */
    private static final class Window {
        long gcMs;
        long gcCount;
        long jitMs;
        private long gc0;
        private long count0;
        private long jit0;

        /** JVM uptime (ms) at the first window's start and stop (the open loop's), to line it up with a GC log. */
        long firstStartMs = -1;
        long firstStopMs = -1;

        void start() {
            if (firstStartMs < 0) {
                firstStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
            }
            gc0 = gcTime();
            count0 = gcCount();
            jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }

        void stop() {
            if (firstStopMs < 0) {
                firstStopMs = ManagementFactory.getRuntimeMXBean().getUptime();
            }
            gcMs += gcTime() - gc0;
            gcCount += gcCount() - count0;
            jitMs += ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
        }

        private static long gcCount() {
            long n = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                n += Math.max(0, b.getCollectionCount());
            }
            return n;
        }

        private static long gcTime() {
            long t = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                t += Math.max(0, b.getCollectionTime());
            }
            return t;
        }
    }

    /** The halls under test: full controllers with their MQTT modules, and central's probe of their events. */
    private static final class Halls implements AutoCloseable {
        final List<SyncHalls.Running> running = new ArrayList<>();
        final Probe probe;
        final long eventsAtStart;
        private final long[] n;

        Halls(String uri, Path dir, int halls, int eventsToday) throws Exception {
            MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
            String yaml = SyncHalls.mqtt(uri, "statusInterval: 10s\n").replace("statusInterval: 1s\n", "");
            LoadedConfig template = SyncHalls.loaded("template", dir.resolve("template"), yaml);
            eventsAtStart = eventsToday > 0 ? templateDay(template, clock, eventsToday) : 0;
            for (int i = 0; i < halls; i++) {
                String id = "bench-" + i;
                LoadedConfig loaded = SyncHalls.loaded(id, dir.resolve(id), yaml);
                if (eventsAtStart > 0) {
                    copyTree(Path.of(template.config().journal().dataDir()),
                            Path.of(loaded.config().journal().dataDir()));
                }
                running.add(SyncHalls.start(loaded, clock));
            }
            Await.until("every hall connected", Duration.ofMinutes(5),
                    () -> running.stream().allMatch(r -> r.mqtt().connected()));
            n = new long[halls];
            probe = new Probe(uri, Topics.allHalls("events"), (t, p) -> {
                EventMessage m = MqttCodec.decodeOrThrow(p, EventMessage.class);
                return m.hall() + "/" + m.seq();
            });
        }

        private long[] before;
        private long[] atWindowEnd;

        /** The template hall's day, {@link OutboxBusyDayBench#journalDay}; returns its last sequence. */
        private static long templateDay(LoadedConfig loaded, MutableClock clock, int events) throws Exception {
            long t0 = System.nanoTime();
            long last = OutboxBusyDayBench.journalDay(loaded.config(), clock, events);
            System.out.printf("template day: %d events journaled in %d ms%n", last, (System.nanoTime() - t0) / 1_000_000);
            return last;
        }

        /** Copies the folder {@code from} with everything in it to {@code to}. */
        private static void copyTree(Path from, Path to) throws java.io.IOException {
            try (var paths = Files.walk(from)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }

        /**
         * Summed over the halls: {stall resends, journal reads, in flight, durable not yet acknowledged}, through
         * {@code MqttModule.outboxCounts} where the build has it (found by reflection, so that this file still
         * compiles and runs in an older tree, which then reports none).
         */
        private long[] outboxCounts() {
            long[] sum = new long[4];
            try {
                java.lang.reflect.Method m = running.get(0).mqtt().getClass().getMethod("outboxCounts");
                for (SyncHalls.Running r : running) {
                    long[] c = (long[]) m.invoke(r.mqtt());
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += c[k];
                    }
                }
                return sum;
            } catch (NoSuchMethodException e) {
                return null;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Notes the outbox counters as the halls' closed-loop window ends (before its drain). */
        void windowEnd() {
            atWindowEnd = outboxCounts();
        }

        /** Stall resends and journal reads since the last report, and the backlog at the closed loop's window end. */
        String outboxReport() {
            long dup = probe.duplicates() - duplicatesBefore;
            duplicatesBefore += dup;
            return "central got " + dup + " resent events again (not counted); " + outboxCountsReport();
        }

        private long duplicatesBefore;

        private String outboxCountsReport() {
            long[] now = outboxCounts();
            if (now == null || atWindowEnd == null) {
                return "(this build has no outbox counters)";
            }
            long[] b = before == null ? new long[4] : before;
            before = now;
            return String.format("stall resends %d, journal reads %d; at the closed loop's end %d in flight, "
                    + "%d durable events not yet acknowledged (all halls)", now[0] - b[0], now[1] - b[1],
                    atWindowEnd[2], atWindowEnd[3]);
        }

        /** The next command of hall {@code i}: pausing and reopening a service, a walk-in ticket every third. */
        java.util.concurrent.CompletableFuture<Outcome> send(int i) {
            HallController h = running.get(i).runtime().hall();
            boolean on = (++n[i] & 1) == 0;
            Command c = n[i] % 3 == 0 ? Command.IssueTicket.walkIn(n[i] % 2 == 0 ? "PAY" : "BILL")
                    : new Command.SetService("OPEN", on, on ? null : "暂停", on ? null : "Paused");
            String hall = "bench-" + i;
            return h.submit(c).thenApply(o -> {
                stamp(hall, o);
                return o;
            });
        }

        /** As {@link #send}; completes when central has received the command's events (the paced loop). */
        java.util.concurrent.CompletableFuture<?> sendPaced(int i) {
            String hall = "bench-" + i;
            return send(i).thenCompose(o -> java.util.concurrent.CompletableFuture.allOf(
                    o.events().stream().map(e -> probe.arrival(hall + "/" + e.sequence()))
                            .toArray(java.util.concurrent.CompletableFuture[]::new)));
        }

        /** The event is durable now: from here on the latency is the MQTT path's. */
        private void stamp(String hall, Outcome o) {
            long now = System.nanoTime();
            for (JournaledEvent e : o.events()) {
                probe.sent(hall + "/" + e.sequence(), now);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                probe.close();
            } finally {
                running.forEach(SyncHalls.Running::close);
            }
        }
    }
}
