package io.hallq.controller.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one configuration file. Readers keep going after a problem (using a fallback value)
 * so that a single run reports everything that is wrong, not just the first mistake.
 */
public final class ConfigProblems {

    private final String fileName;
    private final List<String> errors = new ArrayList<>();

    /** @param fileName how the file is named in every message, usually the path the operator gave */
    public ConfigProblems(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** Records a problem at a key path such as {@code counters[2].profile[0].service}; "" means the whole file. */
    public void add(String path, String message) {
        errors.add(path.isEmpty() ? fileName + ": " + message : fileName + ": " + path + ": " + message);
    }

    /** Records a problem found before there is a tree to point into, such as a YAML syntax error. */
    public void addAt(int line, int column, String message) {
        add("line " + line + ", column " + column, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
