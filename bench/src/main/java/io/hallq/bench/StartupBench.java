package io.hallq.bench;

import io.hallq.controller.config.HallConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of the controller, as a hall sees it after a power cut: from the process start to the device
 * module scanning the buttons (a press is taken from then on: it is handed to the writer, journaled and
 * printed), to the "Ready:" line (printed when READY=1 goes to systemd: every module has started), and to the
 * first hall board page served; and the CPU time used up to ready, which other work on a shared machine
 * disturbs less than the wall-clock times. Each start is a fresh JVM; each variant is measured
 * {@code runs} times, the variants interleaved so that a noisy neighbour hurts them alike.
 *
 * <p>Variants: today's launcher ({@code ./hallq controller}, which builds with Maven first), the same classes
 * started by plain {@code java} (what a package without start-up flags would do), and {@code java} with the
 * flags the package sets (docs/benchmarks.md): a class-data-sharing archive made at install by a training start
 * ({@code io.hallq.controller.StartupTraining}).
 * Journals: empty, and after a busy day (5,000 tickets, about 25,000 events, with the controller's snapshots).
 *
 * <p>Usage (from the repository root, after {@code bench/startup.sh} built everything):
 * {@code java -cp bench/target/hallq-bench.jar io.hallq.bench.StartupBench <runs> <controller classpath>
 * [name=flags ...]}: with named flag sets (the unit's HALLQ_JAVA_OPTS, before and after a change) those are the
 * variants instead, each with a training start and an archive of its own, started as the unit starts it.
 */
public final class StartupBench {

    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private StartupBench() {}

    record Variant(String name, List<String> command) {}

    record Sample(long devicesMs, long readyMs, long boardMs, long cpuMs, String resumed) {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String classpath = args[1];
        Path work = Files.createTempDirectory("hallq-startup");
        System.out.println("load average at the start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path archive = work.resolve("hallq-controller.jsa");
        String installed = install(classpath, work.resolve("lib"));
        List<String> plain = List.of(java.toString(), "-cp", installed);
        List<String> flags = new ArrayList<>(plain);
        flags.addAll(1, packageFlags(archive));

        Path emptyYaml = hall(work.resolve("empty"));
        Path busyYaml = hall(work.resolve("busy"));
        var busy = HallConfigLoader.load(busyYaml);
        long events = BusyDay.write(Path.of(busy.journal().dataDir()), busy, 1, true);
        System.out.printf("busy day journal: %,d events%n", events);

        // the archive is made at install by a training start (not measured), as the package does
        train(plain, List.of(), archive, emptyYaml);
        // named unit flag sets (name=flags, the unit's HALLQ_JAVA_OPTS): each with its own training and archive,
        // started as /usr/bin/hallq starts the unit (MALLOC_ARENA_MAX=1, headless, native access)
        Map<String, List<String>> unitFlags = new java.util.LinkedHashMap<>();
        for (int a = 2; a < args.length; a++) {
            String name = args[a].substring(0, args[a].indexOf('='));
            Path own = work.resolve("unit-" + (a - 1) + ".jsa");
            List<String> opts = new ArrayList<>();
            for (String o : args[a].substring(args[a].indexOf('=') + 1).trim().split("\\s+")) {
                if (!o.startsWith("-XX:SharedArchiveFile=")) {
                    opts.add(o);
                }
            }
            train(plain, opts, own, emptyYaml);
            List<String> run = new ArrayList<>(plain);
            List<String> withArchive = new ArrayList<>(opts);
            withArchive.addAll(List.of("-XX:SharedArchiveFile=" + own, "-Djava.awt.headless=true",
                    "--enable-native-access=ALL-UNNAMED"));
            run.addAll(1, withArchive);
            unitFlags.put(name, run);
        }

        for (Path yaml : List.of(emptyYaml, busyYaml)) {
            List<Variant> variants = new ArrayList<>();
            if (unitFlags.isEmpty()) {
                variants.add(new Variant("today: ./hallq controller (Maven build, then java)",
                        List.of("./hallq", "controller", yaml.toString())));
                variants.add(new Variant("java, no flags", cmd(plain, yaml)));
                variants.add(new Variant("java, package flags (CDS archive)", cmd(flags, yaml)));
            } else {
                unitFlags.forEach((name, run) -> variants.add(new Variant(name, cmd(run, yaml))));
            }
            Map<String, List<Sample>> samples = new java.util.LinkedHashMap<>();
            variants.forEach(v -> samples.put(v.name(), new ArrayList<>()));
            // one start first, not measured: it leaves the web users' password check cache in the journal folder,
            // as any earlier start of a hall has (the first start ever checks every hash against the demo passwords)
            start(variants.getLast().command(), yaml, work);
            if (yaml == emptyYaml) {
                wipeJournal(yaml);
            }
            for (int r = 0; r < runs; r++) {
                for (Variant v : variants) {
                    samples.get(v.name()).add(start(v.command(), yaml, work));
                    if (yaml == emptyYaml) {
                        wipeJournal(yaml);
                    }
                }
            }
            System.out.println();
            System.out.println(samples.values().iterator().next().getLast().resumed());
            System.out.println("journal: " + (yaml == emptyYaml ? "empty" : "after a busy day") + ", " + runs
                    + " starts each");
            System.out.println("| start | devices scanning, median | ready (READY=1), median | max"
                    + " | CPU time to ready, median | /board/ served, median | max |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            samples.forEach((name, s) -> System.out.printf("| %s | %,d ms | %,d ms | %,d ms | %,d ms | %,d ms | %,d ms |%n",
                    name, median(s.stream().mapToLong(Sample::devicesMs).toArray()),
                    median(s.stream().mapToLong(Sample::readyMs).toArray()),
                    s.stream().mapToLong(Sample::readyMs).max().orElse(0),
                    median(s.stream().mapToLong(Sample::cpuMs).toArray()),
                    median(s.stream().mapToLong(Sample::boardMs).toArray()),
                    s.stream().mapToLong(Sample::boardMs).max().orElse(0)));
        }
        System.out.println();
        System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Bench.deleteTree(work);
    }

    /** A training start with {@code opts} that makes {@code archive}, as {@code hallq cds-archive} does. */
    private static void train(List<String> plain, List<String> opts, Path archive, Path yaml) throws Exception {
        long t = System.nanoTime();
        List<String> train = new ArrayList<>(plain);
        List<String> flags = new ArrayList<>(opts);
        flags.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dtinylog.writer.level=warn"));
        train.addAll(1, flags);
        train.addAll(List.of("io.hallq.controller.StartupTraining", yaml.toString()));
        ProcessBuilder pb = new ProcessBuilder(train).inheritIO();
        pb.environment().put("MALLOC_ARENA_MAX", "1");
        int status = pb.start().waitFor();
        System.out.printf("training start (makes the CDS archive %s, %,d bytes): exit %d in %,d ms%n",
                archive.getFileName(), Files.exists(archive) ? Files.size(archive) : 0, status,
                (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * The start-up flags the package sets (docs/benchmarks.md): a dynamic class-data-sharing archive of the
     * classes a start loads (made at install by a training start; remade at a clean exit by any start that finds
     * it missing or stale), mapped by every start instead of loading and verifying those classes again; the
     * archive's own log lines off. C1 only: a hall's load is light, and the C2 compiler's work at start is not.
     */
    static List<String> packageFlags(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1");
    }

    /**
     * Copies the jars of {@code classpath} into {@code lib}, as a package installs them: a build running beside
     * the benchmark (today's launcher) must not touch the files a class-data archive was made from.
     */
    private static String install(String classpath, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<String> copied = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            Path to = lib.resolve(copied.size() + "-" + from.getFileName());
            Files.copy(from, to);
            copied.add(to.toString());
        }
        return String.join(java.io.File.pathSeparator, copied);
    }

    private static List<String> cmd(List<String> java, Path yaml) {
        List<String> c = new ArrayList<>(java);
        c.addAll(List.of("-Dtinylog.writer=console", "-Dtinylog.writer.level=info",
                "io.hallq.controller.ControllerMain", yaml.toString()));
        return c;
    }

    /**
     * The example hall without wired devices and MQTT (as measured in issue #11), numbers up to 9999 so a busy
     * day fits, counters 2 and 3 serving the busy day's services, the web server on a free port and the journal
     * in {@code dir}/data.
     */
    private static Path hall(Path dir) throws IOException {
        Files.createDirectories(dir);
        String yaml = Files.readString(Path.of("config", "example-hall.yaml"));
        yaml = cut(cut(yaml, "\ndevices:"), "\nmqtt:");
        for (String code : List.of("OPEN,", "PAY,", "BILL,")) {
            yaml = yaml.replace("{ code: " + code, "{ numberTo: 9999, code: " + code);
        }
        // counters 2 and 3 take the busy day's three services (BusyDay calls at those two); transfers still send
        // more customers back than they call, so the day ends with about 1,200 waiting: a heavy day, on purpose
        yaml = yaml.replace("      - { service: OPEN, weight: 10m }\n",
                "      - { service: OPEN, weight: 10m }\n      - { service: PAY }\n      - { service: BILL }\n");
        yaml = yaml.replace("      - { service: ADJ, weight: 10m }\n",
                "      - { service: ADJ, weight: 10m }\n      - { service: PAY }\n      - { service: OPEN }\n");
        // the example's demo users are refused by a hall controller: the hall's own hashes instead
        java.util.regex.Matcher hashes = java.util.regex.Pattern.compile("passwordHash: (\\S+)").matcher(yaml);
        StringBuilder own = new StringBuilder();
        while (hashes.find()) {
            hashes.appendReplacement(own, "passwordHash: " + java.util.regex.Matcher.quoteReplacement(
                    io.hallq.controller.web.PasswordHash.hash(("bench-startup-" + own.length()).toCharArray())));
        }
        yaml = hashes.appendTail(own).toString();
        yaml = yaml.replace("dataDir: ../data/sh-pudong-01", "dataDir: data")
                .replace("  port: 8080", "  port: " + freePort())
                .replace("  publicUrl: http://192.168.1.10:8080", "");
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** {@code yaml} without the top-level section starting at {@code header}. */
    private static String cut(String yaml, String header) {
        int from = yaml.indexOf(header);
        int to = from + 1;
        while (true) {
            to = yaml.indexOf('\n', to) + 1;
            if (to == 0 || to >= yaml.length() || (!yaml.startsWith(" ", to) && !yaml.startsWith("\n", to)
                    && !yaml.startsWith("#", to))) {
                break;
            }
        }
        return yaml.substring(0, from + 1) + (to == 0 ? "" : yaml.substring(to));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An empty journal again; the web users' password check cache stays, as on a hall that started before. */
    private static void wipeJournal(Path yaml) {
        Path data = yaml.getParent().resolve("data");
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("web-password-checks")) {
                    if (Files.isDirectory(f)) {
                        Bench.deleteTree(f);
                    } else {
                        Files.delete(f);
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing written yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One start: the time to the "Ready:" line and to the first /board/ page; then SIGTERM and wait. */
    private static Sample start(List<String> command, Path yaml, Path work) throws Exception {
        String board = "http://127.0.0.1:" + port(yaml) + "/board/";
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (command.stream().anyMatch(c -> c.startsWith("-XX:SharedArchiveFile=") && c.contains("unit-"))) {
            pb.environment().put("MALLOC_ARENA_MAX", "1"); // the unit's Environment=
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<Long> ready = new CompletableFuture<>();
        CompletableFuture<Long> cpuAtReady = new CompletableFuture<>();
        CompletableFuture<Long> devices = new CompletableFuture<>();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    log.add(line);
                    if (line.contains("Module devices started")) {
                        devices.complete(System.nanoTime());
                    }
                    if (line.contains(" Ready: ")) {
                        ready.complete(System.nanoTime());
                        cpuAtReady.complete(cpuMillis(p.pid()));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the controller ended before it was ready"));
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long boardAt = 0;
        long deadline = t0 + GIVE_UP.toNanos();
        while (boardAt == 0 && System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(board))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    boardAt = System.nanoTime();
                }
            } catch (IOException refused) {
                Thread.sleep(5); // not listening yet: poll every 5 ms
            }
        }
        long readyAt;
        try {
            readyAt = ready.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("no ready line from " + command + ":\n" + String.join("\n", log), e);
        }
        p.destroy(); // SIGTERM, as systemd stops it
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        reader.join(5000);
        if (boardAt == 0) {
            throw new IllegalStateException("/board/ never served by " + command + ":\n" + String.join("\n", log));
        }
        String resumed = log.stream().filter(l -> l.contains(" resumed ")).findFirst().orElse("");
        return new Sample((devices.getNow(readyAt) - t0) / 1_000_000, (readyAt - t0) / 1_000_000, (boardAt - t0) / 1_000_000, cpuAtReady.getNow(-1L),
                resumed.substring(resumed.indexOf(" resumed ") + 1));
    }

    /**
     * CPU time the process and the children it waited for (Maven, for the launcher) have used, from
     * /proc/pid/stat: less at the mercy of other work on a shared machine than the wall-clock time.
     */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int port(Path yaml) {
        try {
            String text = Files.readString(yaml);
            int i = text.indexOf("\n  port: ") + 9;
            return Integer.parseInt(text.substring(i, text.indexOf('\n', i)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
