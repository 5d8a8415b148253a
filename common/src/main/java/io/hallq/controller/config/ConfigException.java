package io.hallq.controller.config;

import java.util.List;

/**
 * The configuration cannot be used. The message lists every problem found, one per line, each as
 * {@code <file>: <key path>: <what is wrong and what was expected>}, so the operator can fix them all in one go.
 */
public class ConfigException extends RuntimeException {

    private final List<String> errors;

    public ConfigException(List<String> errors) {
        this(errors, null);
    }

    public ConfigException(List<String> errors, Throwable cause) {
        super(String.join("\n", errors), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem, one line each, in the order they were found. */
    public List<String> errors() {
        return errors;
    }
}
