package io.hallq.controller.voice;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the hall YAML's {@code voice:} section. Never throws for a bad value: every problem becomes one error
 * string naming its key ({@code voice.repeat: expected an integer 1..5, got 'x'}), and the returned config holds
 * the default wherever a value was wrong, so it is usable even with errors. The caller prefixes the file name.
 */
public final class VoiceConfigReader {

    private static final String ROOT = "voice";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final Set<String> KEYS = Set.of("enabled", "languages", "templates", "repeat", "recallJumpsQueue",
            "warmUp", "gap", "pause", "repeatGap", "volume", "quietHours", "clipDirectory", "maxQueued", "precall");

    /** The config read, and every error found (empty when the section is valid). */
    public record Result(VoiceConfig config, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private VoiceConfigReader() {
    }

    /** Reads {@code voice} (the section's node; null or missing gives the defaults), relative paths kept as is. */
    public static Result read(JsonNode voice) {
        return read(voice, null);
    }

    /** As {@link #read(JsonNode)}, resolving a relative {@code clipDirectory} against {@code baseDir}. */
    public static Result read(JsonNode voice, Path baseDir) {
        VoiceConfig d = VoiceConfig.defaults();
        List<String> errors = new ArrayList<>();
        if (voice == null || voice.isNull() || voice.isMissingNode()) {
            return new Result(d, errors);
        }
        if (!voice.isObject()) {
            return new Result(d, List.of(ROOT + ": expected a mapping, got '" + ConfigFields.show(voice) + "'"));
        }
        ConfigFields f = new ConfigFields(voice, ROOT, errors);
        f.allowOnly(KEYS);
        List<String> languages = readLanguages(f, d.languages());
        Map<String, Map<VoiceEvent, Template>> templates = readTemplates(f.child("templates"), languages, errors);
        VoiceConfig config = new VoiceConfig(
                f.bool("enabled", d.enabled()),
                languages,
                templates,
                f.integer("repeat", 1, 5, d.repeat()),
                f.bool("recallJumpsQueue", d.recallJumpsQueue()),
                f.duration("warmUp", Duration.ofSeconds(10), d.warmUp()),
                f.duration("gap", Duration.ofSeconds(5), d.gap()),
                f.duration("pause", Duration.ofSeconds(5), d.pause()),
                f.duration("repeatGap", Duration.ofSeconds(10), d.repeatGap()),
                f.decimal("volume", 0.0, 1.0, d.volume()),
                readQuietHours(f, errors),
                readClipDirectory(f, baseDir),
                f.integer("maxQueued", 1, 1000, d.maxQueued()));
        if (f.child("precall") != null) {
            errors.add(f.path("precall") + ": moved to alarms.precall: {enabled, count, minWaiting, quietHours} "
                    + "(one pre-call rule for the board and the voice, while the early warning is active; "
                    + "whenWaiting is gone, see docs/notifications.md)");
        }
        return new Result(config, errors);
    }

    private static List<String> readLanguages(ConfigFields f, List<String> fallback) {
        List<String> languages = f.textList("languages", LANGUAGE, "a language code such as zh or en", fallback);
        if (languages.isEmpty()) {
            f.error("languages", "expected at least one language");
            return fallback;
        }
        return languages;
    }

    private static Map<String, Map<VoiceEvent, Template>> readTemplates(JsonNode node, List<String> languages,
                                                                        List<String> errors) {
        Map<String, Map<VoiceEvent, Template>> all = new LinkedHashMap<>();
        VoiceConfig.defaultTemplates().forEach((language, perEvent) -> all.put(language, new EnumMap<>(perEvent)));
        String path = ROOT + ".templates";
        if (node != null && !node.isObject()) {
            errors.add(path + ": expected a mapping of language to templates, got '" + ConfigFields.show(node) + "'");
        } else if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Map<VoiceEvent, Template> perEvent =
                        all.computeIfAbsent(e.getKey(), k -> new EnumMap<>(VoiceEvent.class));
                readLanguageTemplates(e.getValue(), path + "." + e.getKey(), perEvent, errors);
            }
        }
        for (String language : languages) {
            Map<VoiceEvent, Template> perEvent = all.computeIfAbsent(language, k -> new EnumMap<>(VoiceEvent.class));
            List<String> missing = Stream.of(VoiceEvent.values()).filter(ev -> !perEvent.containsKey(ev))
                    .map(VoiceEvent::key).toList();
            if (!missing.isEmpty()) {
                errors.add(path + "." + language + ": missing " + String.join(", ", missing)
                        + " (there is no default wording for '" + language + "')");
                VoiceConfig.defaultTemplates().get("en").forEach(perEvent::putIfAbsent);
            }
        }
        return all;
    }

    private static void readLanguageTemplates(JsonNode node, String path, Map<VoiceEvent, Template> perEvent,
                                              List<String> errors) {
        if (!node.isObject()) {
            errors.add(path + ": expected a mapping of event to template, got '" + ConfigFields.show(node) + "'");
            return;
        }
        String known = Stream.of(VoiceEvent.values()).map(VoiceEvent::key).collect(Collectors.joining(", "));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            VoiceEvent event = VoiceEvent.ofKey(e.getKey());
            String key = path + "." + e.getKey();
            if (event == null) {
                errors.add(key + ": unknown event (known: " + known + ")");
            } else if (!e.getValue().isTextual()) {
                errors.add(key + ": expected a template string, got '" + ConfigFields.show(e.getValue()) + "'");
            } else {
                Template.Parsed parsed = Template.parse(e.getValue().textValue(), event);
                parsed.errors().forEach(err -> errors.add(key + ": " + err));
                if (parsed.ok()) {
                    perEvent.put(event, parsed.template());
                }
            }
        }
    }

    private static List<QuietHours> readQuietHours(ConfigFields f, List<String> errors) {
        JsonNode list = f.child("quietHours");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            f.error("quietHours", "expected a list of {from, to, volume}, got '" + ConfigFields.show(list) + "'");
            return List.of();
        }
        List<QuietHours> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = f.path("quietHours") + "[" + i + "]";
            if (list.get(i).isObject()) {
                readQuietHoursEntry(new ConfigFields(list.get(i), path, errors)).ifPresent(out::add);
            } else {
                errors.add(path + ": expected {from, to, volume}, got '" + ConfigFields.show(list.get(i)) + "'");
            }
        }
        return out;
    }

    private static Optional<QuietHours> readQuietHoursEntry(ConfigFields q) {
        q.allowOnly(Set.of("from", "to", "volume"));
        LocalTime from = q.time("from");
        LocalTime to = q.time("to");
        double volume = q.decimal("volume", 0.0, 1.0, Double.NaN);
        if (q.child("volume") == null) {
            q.error("volume", "missing (expected a number 0.0..1.0)");
        } else if (from != null && to != null && from.equals(to)) {
            q.error("to", "must differ from 'from' (" + from + ")");
        } else if (from != null && to != null && !Double.isNaN(volume)) {
            return Optional.of(new QuietHours(from, to, volume));
        }
        return Optional.empty();
    }

    private static Optional<Path> readClipDirectory(ConfigFields f, Path baseDir) {
        String text = f.text("clipDirectory", null);
        if (text == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(text);
            return Optional.of(baseDir == null || path.isAbsolute() ? path : baseDir.resolve(path).normalize());
        } catch (InvalidPathException e) {
            f.error("clipDirectory", "not a valid path: '" + text + "'");
            return Optional.empty();
        }
    }

}
