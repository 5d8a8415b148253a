package io.hallq.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pi4j.Pi4J;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.device.DevicesReader;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.MainSupport;
import io.hallq.controller.queue.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
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
 * the running service: the journal in a temporary folder, no wired devices, no MQTT, the web server on a free port
 * of 127.0.0.1. Then it stops and the JVM writes the archive of every class it loaded.
 */
public final class StartupTraining {

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining <hall.yaml>");
            System.exit(2);
        }
        LoadedConfig real = MainSupport.startOrExit(() -> ConfigCheck.load(Path.of(args[0]), ConfigCheck.SECTIONS));
        Path data = Files.createTempDirectory("hallq-training");
        if (DevicesReader.read(real).wiresHeader()) {
            trainPi4j();
        }
        try (HallRuntime runtime = HallRuntime.startChecked(apart(real, data), Clock.systemUTC(), ControllerMain.modules())) {
            var hall = runtime.hall();
            String service = hall.config().services().getFirst().code();
            var outcome = hall.submit(Command.IssueTicket.walkIn(service)).orTimeout(30, TimeUnit.SECONDS).join();
            Logger.info("Training start: ticket for {}: {}", service, outcome.result());
        } finally {
            deleteTree(data);
        }
        System.exit(0);
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

    /** The hall's configuration, apart from the running service: see the class comment. */
    static LoadedConfig apart(LoadedConfig real, Path data) {
        ObjectNode root = real.root().deepCopy();
        root.remove("devices");
        root.remove("mqtt");
        ObjectNode web = root.has("web") && root.get("web").isObject() ? (ObjectNode) root.get("web")
                : root.putObject("web");
        web.put("port", 0).put("bind", "127.0.0.1");
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
