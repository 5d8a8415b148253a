package io.hallq.controller.voice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a rendered WAV against the layout it should have, written independently of the renderer: a list of
 * clip names and silences in milliseconds. Every clip stretch must hold the clip's samples scaled by the volume
 * and carry energy; every silence must be exact zeros at its offset; the length must be the sum of both.
 */
final class RenderedWav {

    /** One expected stretch: a clip name, or a silence of {@code millis}. */
    record Part(String clip, int millis) {
        static Part clip(String name) {
            return new Part(name, 0);
        }

        static Part silence(int millis) {
            return new Part(null, millis);
        }
    }

    private RenderedWav() {
    }

    /** Expected layout of one language part: clips with {@code gapMs} between each two. */
    static List<Part> spoken(int gapMs, String... clips) {
        List<Part> parts = new ArrayList<>();
        for (String c : clips) {
            if (!parts.isEmpty() && gapMs > 0) {
                parts.add(Part.silence(gapMs));
            }
            parts.add(Part.clip(c));
        }
        return parts;
    }

    static short[] samples(Path wav) {
        try {
            WavCodec.Pcm pcm = WavCodec.decode(Files.readAllBytes(wav));
            assertEquals(PcmFormat.MONO_16K, pcm.format());
            return pcm.samples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the samples are exactly {@code expected}; returns the start offset of each part. */
    static List<Integer> assertLayout(short[] actual, List<Part> expected, ClipSet clips, double volume) {
        int rate = clips.format().sampleRate();
        int expectedLength = expected.stream().mapToInt(p -> length(p, clips, rate)).sum();
        assertEquals(expectedLength, actual.length, "rendered length = sum of clips and silences");
        List<Integer> offsets = new ArrayList<>();
        int pos = 0;
        for (Part p : expected) {
            offsets.add(pos);
            if (p.clip() == null) {
                assertSilent(actual, pos, length(p, clips, rate));
            } else {
                assertClip(actual, pos, clip(p, clips), volume);
            }
            pos += length(p, clips, rate);
        }
        return offsets;
    }

    private static void assertSilent(short[] actual, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (actual[i] != 0) {
                fail("expected silence at sample " + i + " (silence " + from + ".." + (from + length) + "), got "
                        + actual[i]);
            }
        }
    }

    private static void assertClip(short[] actual, int from, Clip clip, double volume) {
        double energy = 0;
        for (int i = 0; i < clip.length(); i++) {
            int want = (int) Math.round(clip.samples()[i] * volume);
            if (actual[from + i] != want) {
                fail(clip.name() + " at sample " + from + ": sample " + i + " is " + actual[from + i]
                        + ", expected " + want);
            }
            energy += (double) actual[from + i] * actual[from + i];
        }
        double rms = Math.sqrt(energy / clip.length());
        assertTrue(volume == 0 || rms > 300 * volume, clip.name() + " at " + from + " has too little energy: " + rms);
    }

    private static Clip clip(Part p, ClipSet clips) {
        return clips.file(p.clip()).orElseThrow(() -> new AssertionError("no clip " + p.clip()));
    }

    private static int length(Part p, ClipSet clips, int rate) {
        return p.clip() == null ? p.millis() * rate / 1000 : clip(p, clips).length();
    }
}
