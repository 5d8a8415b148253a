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
            List.of("hall", "hours", "services", "classes", "counters", "alarms", "rules", "journal", "roster");
    /** Top-level sections accepted without validation here; their own packages read them from the raw tree. */
    public static final List<String> OTHER_SECTIONS = List.of("voice", "devices", "mqtt", "web");

    private static final String[] TOP_LEVEL_KEYS =
            Stream.concat(SECTIONS.stream(), OTHER_SECTIONS.stream()).toArray(String[]::new);

    private HallConfigLoader() {}

    /** Loads the configuration from {@code file}; relative paths in it are taken from the file's folder. */
    public static HallConfig load(Path file) {
        return loadWithRoot(file).config();
    }

    /** Like {@link #load}, keeping the raw tree for the sections other packages read. */
    public static LoadedConfig loadWithRoot(Path file) {
        String text = readFile(file);
        LoadedConfig loaded = parseFile(text, file.toString(), file.toAbsolutePath().getParent(), file);
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
        ConfigProblems problems = new ConfigProblems(fileName);
        // a byte order mark from Windows editors is invisible to the operator, so it must not be an error
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        JsonNode root = YamlSource.read(text, problems);
        problems.throwIfAny();
        HallConfig config = read(ConfigNode.root(root, problems).requiredMapping(TOP_LEVEL_KEYS), baseDir);
        problems.throwIfAny();
        return new LoadedConfig(config, root, file);
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
                RosterReader.read(root, counters));
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
