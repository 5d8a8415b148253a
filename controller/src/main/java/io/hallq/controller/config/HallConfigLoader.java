package io.hallq.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * Reads and validates a hall's YAML configuration file. Every key, its type, default and meaning is listed in
 * {@code docs/configuration.md}; {@code config/example-hall.yaml} is a complete example.
 *
 * <p>Validation is eager and complete: either a fully checked {@link HallConfig} comes back, or a
 * {@link ConfigException} listing every problem in the file, one per line as
 * {@code <file>: <key path>: <what is wrong and what was expected>}. Unknown keys are problems too, so a
 * misspelt optional key cannot silently fall back to its default.
 */
public final class HallConfigLoader {

    /** The sections this loader reads and validates. */
    public static final List<String> SECTIONS =
            List.of("hall", "hours", "services", "classes", "counters", "alarms", "rules", "journal", "roster",
                    "appointments");
    /** Top-level sections accepted without validation here; their own packages read them from the raw tree. */
    public static final List<String> OTHER_SECTIONS = List.of("voice", "devices", "mqtt", "web", "notify");

    private static final String[] TOP_LEVEL_KEYS =
            Stream.concat(SECTIONS.stream(), OTHER_SECTIONS.stream()).toArray(String[]::new);

    private HallConfigLoader() {}

    /** Loads the configuration from {@code file}; relative paths in it are taken from the file's folder. */
    public static HallConfig load(Path file) {
        return loadWithRoot(file).config();
    }

    /** Like {@link #load}, keeping the raw tree for the sections other packages read. */
    public static LoadedConfig loadWithRoot(Path file) {
        LoadedConfig loaded = parseFile(readFile(file), file.toString(), file.toAbsolutePath().getParent(), file);
        HallConfig c = loaded.config();
        Logger.info("Loaded hall {} from {}: {} services, {} classes, {} counters",
                c.hall().id(), file, c.services().size(), c.classes().size(), c.counters().size());
        return loaded;
    }

    /**
     * Parses YAML text as if read from {@code baseDir/fileName}.
     *
     * @param fileName how the file is named in error messages
     * @param baseDir  the folder relative paths in the text are taken from
     */
    public static HallConfig parse(String yamlText, String fileName, Path baseDir) {
        return parseWithRoot(yamlText, fileName, baseDir).config();
    }

    /** Like {@link #parse}, keeping the raw tree. */
    public static LoadedConfig parseWithRoot(String yamlText, String fileName, Path baseDir) {
        return parseFile(yamlText, fileName, baseDir, baseDir.resolve(fileName));
    }

    private static LoadedConfig parseFile(String yamlText, String fileName, Path baseDir, Path file) {
        Checked c = check(yamlText, fileName, baseDir, file);
        if (!c.errors().isEmpty()) {
            throw new ConfigException(c.errors());
        }
        return c.loaded();
    }

    /**
     * The file's own sections read as far as they go: every problem found, and the configuration as read with
     * fallbacks where values were wrong (null when even that cannot be built, e.g. a YAML syntax error), so that
     * the modules' sections can be checked in the same run ({@code ConfigCheck}).
     */
    public record Checked(LoadedConfig loaded, List<String> errors) {
        public Checked {
            errors = List.copyOf(errors);
        }
    }

    /** Reads {@code file} for a check: never throws for a problem in the file, see {@link Checked}. */
    public static Checked check(Path file) {
        String text;
        try {
            text = readFile(file);
        } catch (ConfigException e) {
            return new Checked(null, e.errors());
        }
        return check(text, file.toString(), file.toAbsolutePath().getParent(), file);
    }

    private static Checked check(String yamlText, String fileName, Path baseDir, Path file) {
        ConfigProblems problems = new ConfigProblems(fileName);
        // a byte order mark from Windows editors is invisible to the operator, so it must not be an error
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        JsonNode root = YamlSource.read(text, problems);
        if (!problems.isEmpty()) {
            return new Checked(null, problems.errors());
        }
        HallConfig config;
        try {
            config = read(ConfigNode.root(root, problems).requiredMapping(TOP_LEVEL_KEYS), baseDir);
        } catch (RuntimeException fallbacksDoNotFit) {
            if (problems.isEmpty()) {
                throw fallbacksDoNotFit; // a bug, not a problem of the file
            }
            return new Checked(null, problems.errors());
        }
        return new Checked(new LoadedConfig(config, root, file), problems.errors());
    }

    private static HallConfig read(ConfigNode root, Path baseDir) {
        HallInfo hall = HallSectionReader.hall(root);
        BusinessHours hours = HallSectionReader.hours(root);
        List<ServiceConfig> services = ServicesReader.read(root);
        List<CustomerClassConfig> classes = ClassesReader.read(root);
        CountersReader countersReader = new CountersReader(services, classes);
        List<CounterConfig> counters = countersReader.read(root);
        countersReader.checkCoverage(root, services, counters);
        CountersReader.checkVipRoom(root, classes, counters);
        return new HallConfig(hall, hours, services, classes, counters,
                SettingsReader.alarms(root),
                SettingsReader.rules(root),
                SettingsReader.journal(root, hall.id(), baseDir),
                RosterReader.read(root, counters),
                AppointmentsReader.read(root, services));
    }

    private static String readFile(Path file) {
        if (Files.isDirectory(file)) {
            throw fileProblem(file, "is a folder; expected the hall's YAML file", null);
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(file, "no such file (looked at " + file.toAbsolutePath() + ")", e);
        } catch (AccessDeniedException e) {
            throw fileProblem(file, "cannot read the file: permission denied", e);
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "the file is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw fileProblem(file, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static ConfigException fileProblem(Path file, String message, Throwable cause) {
        return new ConfigException(List.of(file + ": " + message), cause);
    }
}
