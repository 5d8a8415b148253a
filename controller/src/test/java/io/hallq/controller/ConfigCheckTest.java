package io.hallq.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.config.SectionReader;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.sync.MqttModule;
import io.hallq.controller.voice.VoiceModule;
import io.hallq.controller.web.WebModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One check of the whole file, every section, before anything opens (issue #11, item 4). */
class ConfigCheckTest {

    private static final Path EXAMPLE = Path.of("..", "config", "example-hall.yaml");

    @TempDir
    Path dir;

    /** The example hall with {@code edits} applied (each a pair: text to find, replacement), in {@code dir}. */
    private Path example(String... edits) throws IOException {
        String yaml = Files.readString(EXAMPLE);
        for (int i = 0; i < edits.length; i += 2) {
            assertTrue(yaml.contains(edits[i]), "example-hall.yaml no longer holds: " + edits[i]);
            yaml = yaml.replace(edits[i], edits[i + 1]);
        }
        yaml = yaml.replace("dataDir: ../data/sh-pudong-01", "dataDir: data");
        // the example's users have the emulator's demo passwords, which a controller refuses (issue #12)
        yaml = yaml.replaceAll("passwordHash: pbkdf2-sha256\\$60000\\$\\S+", "passwordHash: " + java.util.regex.Matcher
                .quoteReplacement(io.hallq.controller.web.PasswordHash.hash("a-hall's-own".toCharArray(), 1000)));
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String[] MISTAKES_IN_EVERY_SECTION = {
        "  zone: Asia/Shanghai", "  zone: Asia/Beijing",                       // hall (core)
        "  pressInterval: 2s", "  pressInterval: 2 seconds",                   // devices
        "mqtt:                             #", "voice:\n  repeat: 9\nmqtt:   #", // voice
        "  keepAlive: 30s", "  keepAlive: 0s",                                 // mqtt
        "  port: 8080", "  port: 80800",                                       // web
    };

    @Test
    void mistakesInEverySection_areReportedAtOnce_withFileAndKey() throws IOException {
        Path file = example(MISTAKES_IN_EVERY_SECTION);
        List<String> problems = ConfigCheck.problems(file, ConfigCheck.SECTIONS);
        for (String key : List.of("hall.zone", "devices.pressInterval", "voice.repeat", "mqtt.keepAlive", "web.port")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ": " + key + ": ")),
                    key + " not reported in " + problems);
        }
        assertEquals(5, problems.size(), problems.toString());
    }

    @Test
    void theExampleHall_passes() throws IOException {
        assertEquals(List.of(), ConfigCheck.problems(example(), ConfigCheck.SECTIONS));
    }

    @Test
    void theExampleHall_asShipped_isRefusedForItsDemoUsers_namingEach() throws IOException {
        Path file = dir.resolve("shipped.yaml");
        Files.writeString(file, Files.readString(EXAMPLE).replace("dataDir: ../data/sh-pudong-01", "dataDir: data"));
        List<String> problems = ConfigCheck.problems(file, ConfigCheck.SECTIONS);
        assertEquals(3, problems.size(), problems.toString());
        for (String user : List.of("staff", "manager", "kiosk")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains("user '" + user + "' has a demo or guessable password")),
                    problems.toString());
        }
    }

    @Test
    void everyModuleSection_theLoaderLetsThrough_hasAReaderInTheCheck() {
        List<String> checked = ConfigCheck.SECTIONS.stream().map(SectionReader::section).toList();
        assertEquals(HallConfigLoader.OTHER_SECTIONS.stream().sorted().toList(), checked.stream().sorted().toList());
        assertEquals(List.of("devices", "voice", "mqtt", "web", "notify"), checked);
    }

    @Test
    void everyPiModule_declaresItsSectionReader() {
        assertEquals(MqttModule.SECTION, new MqttModule().section().orElseThrow());
        assertEquals(WebModule.SECTION, new WebModule().section().orElseThrow());
        assertEquals(VoiceModule.SECTION, new VoiceModule(() -> null, on -> { }, null).section().orElseThrow());
    }

    @Test
    void aModuleSectionMistake_stopsTheStart_beforeTheJournalIsOpened() throws IOException {
        Path file = example("  port: 8080", "  port: 80800", "  keepAlive: 30s", "  keepAlive: 0s");
        LoadedConfig loaded = HallConfigLoader.loadWithRoot(file); // the core sections are fine
        List<HallModule> modules = List.of(new MqttModule(), new WebModule());
        ConfigException e = assertThrows(ConfigException.class,
                () -> HallRuntime.start(loaded, Clock.systemUTC(), modules));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertFalse(Files.exists(dir.resolve("data")), "the journal was opened before the check");
    }

    @Test
    void load_throwsEveryProblemOfEverySection() throws IOException {
        Path file = example(MISTAKES_IN_EVERY_SECTION);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCheck.load(file, ConfigCheck.SECTIONS));
        assertEquals(5, e.errors().size(), e.errors().toString());
    }

    @Test
    void theCommand_printsOk_andExits0_orPrintsEveryProblem_andExits2() throws Exception {
        Run ok = check(example());
        assertEquals(0, ok.status(), ok.output());
        assertEquals("ok: " + dir.resolve("hall.yaml"), ok.output().strip());

        Path bad = example(MISTAKES_IN_EVERY_SECTION);
        Run failed = check(bad);
        assertEquals(2, failed.status(), failed.output());
        List<String> lines = failed.output().strip().lines().toList();
        assertEquals(5, lines.size(), failed.output());
        assertTrue(lines.stream().allMatch(l -> l.startsWith(bad + ": ")), failed.output());
    }

    private record Run(int status, String output) {}

    /** Runs {@code ConfigCheck <file>} in a JVM of its own, as {@code hallq check} does. */
    private Run check(Path file) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dtinylog.writer.level=off", ConfigCheck.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }
}
