package io.hallq.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pi4j.Pi4J;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.device.DevicesReader;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.MainSupport;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.queue.Command;
import io.hallq.controller.web.PasswordHash;
import io.hallq.controller.web.WebModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * A training start for the class-data-sharing archive that makes the controller start fast (docs/benchmarks.md):
 * run once at install or upgrade as
 * {@code java -XX:ArchiveClassesAtExit=<archive> -cp <jars> io.hallq.controller.StartupTraining <hall.yaml>}.
 *
 * <p>It starts the controller from the hall's own file as the service would (every section checked, the journal
 * recovered, the Pi's modules started, a ticket issued and made durable, the board page rendered), but apart from
 * the running service: the journal in a temporary folder, no wired devices, no MQTT, no SMS centre (the notify
 * module's key and vault in the temporary folder too), the web server on a free port of 127.0.0.1. Then it stops and the JVM writes the archive of every class it loaded.
 */
public final class StartupTraining {

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining <hall.yaml>");
            System.exit(2);
        }
        train(Path.of(args[0]));
        System.exit(0);
    }

    /**
     * The training start (without its {@code System.exit}). The hall's file is checked as the service checks it,
     * except for its users' passwords against the demo passwords: that check costs a few PBKDF2 runs per user
     * (seconds each on a Pi), the service's own start makes it (and remembers the result in its data folder), and
     * the training logs in none of the hall's users: it runs with one user of its own (a random password).
     *
     * @return what the training's web requests answered, in order (for the test)
     */
    static List<String> train(Path file) throws IOException {
        LoadedConfig real = MainSupport.startOrExit(() -> ConfigCheck.load(file, ConfigCheck.SECTIONS.stream()
                .map(r -> r == WebModule.SECTION ? WebModule.EMULATOR_SECTION : r).toList()));
        Path data = Files.createTempDirectory("hallq-training");
        if (DevicesReader.read(real).wiresHeader()) {
            trainPi4j();
        }
        String password = java.util.UUID.randomUUID().toString();
        List<HallModule> modules = ControllerMain.modules();
        try (HallRuntime runtime = HallRuntime.startChecked(apart(real, data, password), Clock.systemUTC(), modules)) {
            var hall = runtime.hall();
            String service = hall.config().services().getFirst().code();
            var outcome = hall.submit(Command.IssueTicket.walkIn(service)).orTimeout(30, TimeUnit.SECONDS).join();
            Logger.info("Training start: ticket for {}: {}", service, outcome.result());
            int port = modules.stream().filter(WebModule.class::isInstance).map(m -> ((WebModule) m).port())
                    .findFirst().orElse(-1);
            return port > 0 ? requests(port, service, hall.config().counters().getFirst().number(), password)
                    : List.of();
        } finally {
            deleteTree(data);
        }
    }

    /**
     * The requests of a hall's day, once each, so that the classes that serve them (Vert.x's and Netty's HTTP path,
     * the API contract's validation, the login, the live feed) are in the archive, not loaded from the jars at the
     * service's first request: the board page and its feed, a login, a ticket over REST, a counter's state
     * (no call: it would be announced in the hall). Plain HTTP/1.1 over a socket: an HTTP client library here
     * would add its own classes to the archive.
     */
    private static List<String> requests(int port, String service, int counter, String password) throws IOException {
        List<String> answers = new java.util.ArrayList<>();
        answers.add(TrainingHttp.get(port, "/board/").status());
        answers.add(TrainingHttp.get(port, "/api/board").status());
        answers.add(TrainingHttp.firstEvent(port, "/api/feed/board"));
        TrainingHttp.Answer login = TrainingHttp.post(port, "/api/login", null, null,
                "{\"user\":\"" + TRAINING_USER + "\",\"password\":\"" + password + "\"}");
        answers.add(login.status());
        String cookie = login.cookie("hallq.session");
        String csrf = login.jsonString("csrfToken");
        answers.add(TrainingHttp.post(port, "/api/tickets", cookie, csrf, "{\"service\":\"" + service + "\"}").status());
        // no call: the voice module would announce it through the hall's loudspeakers
        answers.add(TrainingHttp.get(port, "/api/counters/" + counter, cookie).status());
        Logger.info("Training start: web requests answered {}", answers);
        return answers;
    }

    /**
     * A hall with wired devices opens its Pi4J context at every start: load Pi4J and its plugins here too, so
     * that the archive holds them (the training itself runs without the devices section, and a hall without
     * wired devices never loads Pi4J). Nothing is opened: the context finds its providers and is shut down.
     */
    private static void trainPi4j() {
        try {
            Pi4J.newAutoContext().shutdown();
        } catch (RuntimeException | LinkageError e) {
            Logger.warn("Training start: the Pi4J context could not be made ({}); its classes stay out of the archive",
                    e.toString());
        }
    }

    /** The training's own web user: staff at the hall's first counter. */
    static final String TRAINING_USER = "training";

    /**
     * The hall's configuration, apart from the running service: see the class comment. The web users are replaced
     * by the training's own ({@link #TRAINING_USER}, with {@code password} hashed at few iterations: the server is
     * on 127.0.0.1 for the seconds the training takes).
     */
    static LoadedConfig apart(LoadedConfig real, Path data, String password) {
        ObjectNode root = real.root().deepCopy();
        root.remove("devices");
        root.remove("mqtt");
        if (root.get("notify") instanceof ObjectNode notify) {
            // no bind to the hall's SMS centre (with its account) from a training start, and the key, the vault of
            // customers' numbers and the paper count in the training's own folder, never the service's files
            notify.remove("sms");
            notify.remove("keyFile");
            notify.remove("vaultFile");
        }
        ObjectNode web = root.has("web") && root.get("web").isObject() ? (ObjectNode) root.get("web")
                : root.putObject("web");
        web.put("port", 0).put("bind", "127.0.0.1");
        web.remove("staffListener");
        web.remove("tls");
        ObjectNode user = web.putArray("users").addObject();
        user.put("name", TRAINING_USER).put("role", "STAFF")
                .put("passwordHash", PasswordHash.hash(password.toCharArray(), 1000));
        user.putArray("counters").add(real.config().counters().getFirst().number());
        HallConfig c = real.config();
        JournalConfig j = c.journal();
        HallConfig moved = new HallConfig(c.hall(), c.hours(), c.services(), c.classes(), c.counters(), c.alarms(),
                c.rules(), new JournalConfig(data.toString(), j.retentionDays(), j.snapshotEvery(), j.profileWeeks()));
        return new LoadedConfig(moved, root, real.file());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
