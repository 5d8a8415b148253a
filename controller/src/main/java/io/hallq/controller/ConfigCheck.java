package io.hallq.controller;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.config.SectionReader;
import io.hallq.controller.device.DeviceModule;
import io.hallq.controller.sync.MqttModule;
import io.hallq.controller.voice.VoiceModule;
import io.hallq.controller.web.WebModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * {@code hallq check <hall.yaml>}: validates the whole file, every section, and opens nothing (no journal, no
 * device, no socket). Prints {@code ok: <file>} and exits 0, or prints every problem of every section, one per
 * line as {@code <file>: <key>: <what was expected>}, and exits 2. The controller and the emulator run the same
 * check before they recover the journal.
 *
 * <p>The seam: the core loader reads the hall's own sections ({@link HallConfigLoader#SECTIONS}); every other
 * top-level section ({@link HallConfigLoader#OTHER_SECTIONS}) belongs to a module, which declares its reader as a
 * {@link SectionReader} ({@code DeviceModule.SECTION}, ...). {@link #SECTIONS} lists them; a test keeps the two
 * lists in step, so a module's new section cannot be left out of the check.
 */
public final class ConfigCheck {

    /** Exit status for a configuration with problems. */
    public static final int INVALID = 2;

    /** The reader of every module's section. */
    public static final List<SectionReader> SECTIONS =
            List.of(DeviceModule.SECTION, VoiceModule.SECTION, MqttModule.SECTION, WebModule.SECTION);

    private ConfigCheck() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: hallq check <hall.yaml>");
            System.exit(INVALID);
        }
        List<String> problems = problems(Path.of(args[0]), SECTIONS);
        if (problems.isEmpty()) {
            System.out.println("ok: " + args[0]);
            System.exit(0);
        }
        problems.forEach(System.out::println);
        System.exit(INVALID);
    }

    /** Every problem of {@code file}: its own sections and each of {@code readers}; empty when it can be used. */
    public static List<String> problems(Path file, List<SectionReader> readers) {
        HallConfigLoader.Checked checked = HallConfigLoader.check(file);
        List<String> all = new ArrayList<>(checked.errors());
        if (checked.loaded() != null) {
            all.addAll(sectionProblems(checked.loaded(), readers));
        }
        return all;
    }

    /**
     * Loads {@code file} and checks every section with {@code readers}.
     *
     * @throws ConfigException listing every problem of every section
     */
    public static LoadedConfig load(Path file, List<SectionReader> readers) {
        HallConfigLoader.Checked checked = HallConfigLoader.check(file);
        List<String> all = new ArrayList<>(checked.errors());
        if (checked.loaded() != null) {
            all.addAll(sectionProblems(checked.loaded(), readers));
        }
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
        LoadedConfig loaded = checked.loaded();
        Logger.info("Checked hall {} from {}: {} services, {} classes, {} counters; every section is valid",
                loaded.config().hall().id(), file, loaded.config().services().size(),
                loaded.config().classes().size(), loaded.config().counters().size());
        return loaded;
    }

    /**
     * Checks the modules' sections of an already loaded configuration.
     *
     * @throws ConfigException listing every problem found
     */
    public static void verify(LoadedConfig loaded, List<SectionReader> readers) {
        List<String> problems = sectionProblems(loaded, readers);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static List<String> sectionProblems(LoadedConfig loaded, List<SectionReader> readers) {
        List<String> all = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (SectionReader r : readers) {
            if (!seen.contains(r.section())) { // a module listed twice (the emulator's wrappers) reports once
                seen.add(r.section());
                all.addAll(r.problems(loaded));
            }
        }
        return all;
    }
}
