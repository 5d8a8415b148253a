package io.hallq.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * A loaded hall configuration together with the raw YAML tree, so that other packages can read the sections
 * this loader only lets through ({@link HallConfigLoader#OTHER_SECTIONS}) with the same error reporting:
 *
 * <pre>{@code
 * ConfigProblems problems = loaded.problems();
 * ConfigNode voice = loaded.section("voice", problems).mapping("engine", "volume");
 * ...
 * problems.throwIfAny();
 * }</pre>
 *
 * @param config the validated configuration
 * @param root   the whole document as parsed, read-only by convention
 * @param file   the config file as given to the loader (for {@code parse}: the file name under the base folder)
 */
public record LoadedConfig(HallConfig config, JsonNode root, Path file) {

    /** A collector that names the file the way the loader does. */
    public ConfigProblems problems() {
        return new ConfigProblems(file.toString());
    }

    /** A reader positioned on the top-level section {@code key}, which may be absent. */
    public ConfigNode section(String key, ConfigProblems problems) {
        return ConfigNode.root(root, problems).key(key);
    }

    /** The folder relative paths in the file are taken from. */
    public Path baseDir() {
        return file.toAbsolutePath().getParent();
    }
}
