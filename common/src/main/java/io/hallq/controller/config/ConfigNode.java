package io.hallq.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A position in the parsed YAML tree together with its key path ({@code counters[2].profile[0].service}). Typed
 * getters record a problem in the shared {@link ConfigProblems} and hand back a fallback, so a reader walks the
 * whole file and every mistake is reported in one run.
 *
 * <p>A key whose value is empty ({@code key:}, {@code key: ""}, {@code key: ~}) counts as not given. Once a
 * node has been reported as unusable (a required section missing, a list where a mapping belongs), everything
 * below it stays silent: one mistake, one message.
 */
public final class ConfigNode {

    private final JsonNode json;
    private final String path;
    private final ConfigProblems problems;
    private final boolean silent;

    private ConfigNode(JsonNode json, String path, ConfigProblems problems, boolean silent) {
        this.json = json;
        this.path = path;
        this.problems = problems;
        this.silent = silent;
    }

    /** The whole document; {@code root} may be null for an empty file. */
    public static ConfigNode root(JsonNode root, ConfigProblems problems) {
        return new ConfigNode(root, "", problems, false);
    }

    public String path() {
        return path;
    }

    /** The raw node, or null when the key is absent. */
    public JsonNode json() {
        return json;
    }

    /** True when the key is present with a non-empty value. */
    public boolean isGiven() {
        return json != null && !json.isNull() && !json.isMissingNode()
                && !(json.isTextual() && json.textValue().isEmpty());
    }

    /** False once this node has been reported as unusable; checks spanning several nodes then stay quiet. */
    public boolean isUsable() {
        return !silent;
    }

    public ConfigNode key(String name) {
        JsonNode child = json != null && json.isObject() ? json.get(name) : null;
        return new ConfigNode(child, path.isEmpty() ? name : path + "." + name, problems, silent);
    }

    public ConfigNode index(int i) {
        JsonNode child = json != null && json.isArray() ? json.get(i) : null;
        return new ConfigNode(child, path + "[" + i + "]", problems, silent);
    }

    /** This node as an optional mapping: absent gives absent children (so defaults apply); unknown keys are errors. */
    public ConfigNode mapping(String... knownKeys) {
        return silent || !isGiven() ? this : asMapping(knownKeys);
    }

    /** Like {@link #mapping} but absence is an error too. */
    public ConfigNode requiredMapping(String... knownKeys) {
        if (silent) {
            return this;
        }
        if (!isGiven()) {
            error(missing("a mapping with " + String.join(", ", knownKeys)));
            return silenced();
        }
        return asMapping(knownKeys);
    }

    /** The items of an optional list; absent means none. */
    public List<ConfigNode> list(String items) {
        if (silent || !isGiven()) {
            return List.of();
        }
        if (!json.isArray()) {
            reject("a list of " + items);
            return List.of();
        }
        return IntStream.range(0, json.size()).mapToObj(this::index).toList();
    }

    /** The items of a list that must be present and hold at least one item. */
    public List<ConfigNode> requiredList(String items) {
        if (silent) {
            return List.of();
        }
        if (!isGiven()) {
            error(missing("a non-empty list of " + items));
            return List.of();
        }
        List<ConfigNode> nodes = list(items);
        if (json.isArray() && nodes.isEmpty()) {
            reject("a non-empty list of " + items);
        }
        return nodes;
    }

    /** The value if given and valid; absent gives {@code defaultValue} silently, invalid gives it with an error. */
    public <T> T get(ConfigScalar<T> type, T defaultValue) {
        return optional(type).orElse(defaultValue);
    }

    /** The value if given and valid; an invalid value is reported, an absent one is not. */
    public <T> Optional<T> optional(ConfigScalar<T> type) {
        if (silent || !isGiven()) {
            return Optional.empty();
        }
        T value = type.read(json);
        if (value == null) {
            error(type.mismatch(json));
        }
        return Optional.ofNullable(value);
    }

    /** The value, which must be given; absent and invalid values are reported and give empty. */
    public <T> Optional<T> required(ConfigScalar<T> type) {
        if (!silent && !isGiven()) {
            error(missing(type.expected()));
        }
        return optional(type);
    }

    /** Records a problem at this node's path. */
    public void error(String message) {
        if (!silent) {
            problems.add(path, message);
        }
    }

    /** Records "expected {@code expected}, got &lt;this node's value&gt;". */
    public void reject(String expected) {
        error("expected " + expected + ", got " + ConfigScalar.describe(json));
    }

    private ConfigNode asMapping(String[] knownKeys) {
        if (!json.isObject()) {
            reject("a mapping with " + String.join(", ", knownKeys));
            return silenced();
        }
        List<String> known = List.of(knownKeys);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!known.contains(field.getKey())) {
                unknown.add(field.getKey());
            }
        }
        unknown.forEach(k -> key(k).error(unknownKey(k, known)));
        return this;
    }

    private ConfigNode silenced() {
        return new ConfigNode(json, path, problems, true);
    }

    private String missing(String expected) {
        return (json == null ? "missing" : "empty") + "; expected " + expected;
    }

    private static String unknownKey(String key, List<String> known) {
        String knownText = "(known: " + String.join(", ", known) + ")";
        return KeySuggestion.closest(key, known)
                .map(s -> "unknown key, did you mean '" + s + "'? " + knownText)
                .orElse("unknown key " + knownText);
    }
}
