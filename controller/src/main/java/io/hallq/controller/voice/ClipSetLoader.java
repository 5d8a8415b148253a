package io.hallq.controller.voice;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a clip set and checks that it can speak every configured template: each needed file exists, decodes as
 * PCM WAV and has the manifest's format. All problems are reported together; each names the missing or wrong file.
 */
public final class ClipSetLoader {

    /** Name of the manifest in a clip set's root. */
    public static final String MANIFEST = "manifest.yaml";
    /** The service entry used when a service has no clip of its own. */
    public static final String GENERIC_SERVICE = "generic";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The one clip kept in memory (see {@link Clip}); every other is read from the set when it is played. */
    static final String IN_MEMORY = "chime.wav";

    /** Either the clip set or the reasons it cannot be used. */
    public sealed interface Result {
        record Loaded(ClipSet clips) implements Result {
        }

        record Failed(List<String> errors) implements Result {
            public Failed {
                errors = List.copyOf(errors);
            }
        }
    }

    private ClipSetLoader() {
    }

    /** Loads {@code config.clipDirectory()} when set, else the shipped clip set. */
    public static Result load(VoiceConfig config) {
        return load(config.clipDirectory().map(ClipSource::directory).orElseGet(ClipSource::shipped), config);
    }

    public static Result load(ClipSource source, VoiceConfig config) {
        String where = "voice clips (" + source.describe() + "): ";
        List<String> errors = new ArrayList<>();
        Optional<byte[]> manifestBytes = source.read(MANIFEST);
        if (manifestBytes.isEmpty()) {
            return new Result.Failed(List.of(where + "missing " + MANIFEST));
        }
        JsonNode manifest;
        try {
            manifest = YAML.readTree(manifestBytes.get());
        } catch (JacksonException e) {
            return new Result.Failed(List.of(where + MANIFEST + " is not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a byte array does no I/O
        }
        ClipManifest m = ClipManifest.parse(manifest, config.languages(), where, errors);
        checkTemplatePhrases(config, m, source, errors);
        Map<String, Clip> files = new HashMap<>();
        m.neededFiles(config.languages()).forEach((name, purpose) ->
                readClip(source, name, purpose, m.format(), where, errors).ifPresent(c -> files.put(name, c)));
        if (!errors.isEmpty()) {
            return new Result.Failed(errors);
        }
        return new Result.Loaded(new ClipSet(source.describe(), m.format(), m.numbers(), files, m.phrases(),
                m.services()));
    }

    private static void checkTemplatePhrases(VoiceConfig config, ClipManifest m, ClipSource source,
                                             List<String> errors) {
        for (String language : config.languages()) {
            Map<String, String> known = m.phrases().getOrDefault(language, Map.of());
            for (VoiceEvent event : VoiceEvent.values()) {
                for (Template.Phrase phrase : config.template(language, event).phrases()) {
                    if (!known.containsKey(phrase.key())) {
                        errors.add("voice.templates." + language + "." + event.key() + ": phrase '" + phrase.text()
                                + "' has no clip in " + source.describe() + "/" + MANIFEST + " (languages."
                                + language + ".phrases has: " + String.join(", ", m.phraseTexts(language)) + ")");
                    }
                }
            }
        }
    }

    private static Optional<Clip> readClip(ClipSource source, String name, String purpose, PcmFormat format,
                                           String where, List<String> errors) {
        Optional<byte[]> bytes = source.read(name);
        if (bytes.isEmpty()) {
            errors.add(where + "missing " + name + " (" + purpose + ")");
            return Optional.empty();
        }
        try {
            WavCodec.Info info = WavCodec.info(bytes.get());
            if (!info.format().equals(format)) {
                errors.add(where + name + " is " + info.format().describe() + ", expected " + format.describe()
                        + " like the rest of the set (" + MANIFEST + " format)");
                return Optional.empty();
            }
            short[] samples = WavCodec.decode(bytes.get()).samples();
            if (samples.length == 0) {
                errors.add(where + name + " holds no audio");
                return Optional.empty();
            }
            // the chime starts every announcement: in memory, so the first frame never waits for a read
            return Optional.of(IN_MEMORY.equals(name) ? new Clip(name, samples)
                    : Clip.onDemand(name, samples.length, () -> reread(source, name, format)));
        } catch (IllegalArgumentException e) {
            errors.add(where + name + " is not a usable WAV file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads a clip again for playing; it was checked at load, so a failure here means the file changed. */
    private static short[] reread(ClipSource source, String name, PcmFormat format) {
        byte[] bytes = source.read(name).orElseThrow(() -> new IllegalStateException(
                "voice clip " + name + " is gone from " + source.describe() + " since it was loaded"));
        WavCodec.Pcm pcm = WavCodec.decode(bytes);
        if (!pcm.format().equals(format)) {
            throw new IllegalStateException("voice clip " + name + " in " + source.describe()
                    + " changed since it was loaded: " + pcm.format().describe() + ", expected " + format.describe());
        }
        return pcm.samples();
    }

    /** The parts of manifest.yaml the loader needs. */
    private record ClipManifest(PcmFormat format, int numbers, Map<String, Map<String, String>> phrases,
                                Map<String, Map<String, String>> phraseTexts,
                                Map<String, Map<String, String>> services) {

        static ClipManifest parse(JsonNode root, List<String> languages, String where, List<String> errors) {
            JsonNode f = root.path("format");
            PcmFormat format = new PcmFormat(f.path("sampleRate").asInt(16_000), f.path("channels").asInt(1),
                    f.path("bitsPerSample").asInt(16));
            if (!format.isMono16() || format.sampleRate() < 8_000 || format.sampleRate() > 48_000) {
                errors.add(where + MANIFEST + " format must be mono 16-bit at 8000..48000 Hz, got "
                        + format.describe());
            }
            Map<String, Map<String, String>> phrases = new HashMap<>();
            Map<String, Map<String, String>> texts = new HashMap<>();
            Map<String, Map<String, String>> services = new HashMap<>();
            for (String language : languages) {
                JsonNode lang = root.path("languages").path(language);
                if (!lang.isObject()) {
                    errors.add(where + MANIFEST + " has no languages." + language);
                }
                phrases.put(language, entries(lang.path("phrases"), true, where, errors));
                texts.put(language, entries(lang.path("phrases"), false, where, errors));
                services.put(language, entries(lang.path("services"), false, where, errors));
                if (lang.isObject() && !services.get(language).containsKey(GENERIC_SERVICE)) {
                    errors.add(where + MANIFEST + " languages." + language + ".services has no '" + GENERIC_SERVICE
                            + "' entry (the clip for a service without its own)");
                }
            }
            return new ClipManifest(format, Math.max(0, root.path("numbers").asInt(0)), phrases, texts, services);
        }

        private static Map<String, String> entries(JsonNode map, boolean byPhraseKey, String where,
                                                   List<String> errors) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = byPhraseKey ? Template.phraseKey(e.getKey()) : e.getKey();
                if (byPhraseKey && out.containsKey(key)) {
                    errors.add(where + MANIFEST + " phrase '" + e.getKey() + "' repeats another phrase");
                }
                out.put(key, e.getValue().asText());
            }
            return out;
        }

        List<String> phraseTexts(String language) {
            return List.copyOf(phraseTexts.getOrDefault(language, Map.of()).keySet());
        }

        /** Every file the set must hold for these languages, with what it is for. */
        Map<String, String> neededFiles(List<String> languages) {
            Map<String, String> needed = new LinkedHashMap<>();
            needed.put("chime.wav", "the chime");
            for (String l : languages) {
                for (char c = 'A'; c <= 'Z'; c++) {
                    needed.put(l + "/letter-" + c + ".wav", "ticket letter " + c + ", " + l);
                }
                for (int d = 0; d <= 9; d++) {
                    needed.put(l + "/digit-" + d + ".wav", "digit " + d + ", " + l);
                }
                for (int n = 1; n <= numbers; n++) {
                    needed.put(l + "/number-" + n + ".wav", "counter number " + n + ", " + l + "; manifest numbers: "
                            + numbers);
                }
                for (Announcement.Reason r : Announcement.Reason.values()) {
                    needed.put(l + "/" + r.clipFile(), "reason " + r + ", " + l);
                }
                phraseTexts.getOrDefault(l, Map.of()).forEach((text, file) -> needed.put(file, "phrase '" + text
                        + "', " + l));
                services.getOrDefault(l, Map.of()).forEach((code, file) -> needed.put(file, "service " + code + ", "
                        + l));
            }
            return needed;
        }
    }
}
