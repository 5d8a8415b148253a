package io.hallq.controller.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared helpers: configs from YAML text, the shipped clip set, a clock. */
final class VoiceFixtures {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Clock NOON = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    private VoiceFixtures() {
    }

    /** The {@code voice:} node of a YAML document (missing node when the document has none). */
    static JsonNode voiceNode(String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return root == null ? null : root.path("voice");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid config from YAML text; fails the test on any error. */
    static VoiceConfig config(String yaml) {
        VoiceConfigReader.Result r = VoiceConfigReader.read(voiceNode(yaml));
        assertEquals(List.of(), r.errors(), "config errors");
        return r.config();
    }

    /** A fast config: no warm-up, short silences, said once; extra lines go under voice: and win. */
    static VoiceConfig quickConfig(String... extraLines) {
        List<String> lines = new ArrayList<>(List.of("voice:", "  warmUp: 0ms", "  gap: 50ms", "  pause: 200ms",
                "  repeatGap: 300ms", "  repeat: 1"));
        for (String l : extraLines) {
            lines.add("  " + l);
        }
        // a key given twice in YAML: the later value wins (Jackson's tree reading keeps the last)
        return config(String.join("\n", lines));
    }

    /** The shipped clip set, validated for {@code config}. */
    static ClipSet shippedClips(VoiceConfig config) {
        ClipSetLoader.Result r = ClipSetLoader.load(ClipSource.shipped(), config);
        if (r instanceof ClipSetLoader.Result.Failed(List<String> errors)) {
            fail("shipped clip set failed: " + errors);
        }
        return ((ClipSetLoader.Result.Loaded) r).clips();
    }

    static Clock at(String localTime) {
        return Clock.fixed(Instant.parse("2026-03-02T" + localTime + ":00Z"), ZoneId.of("UTC"));
    }
}
