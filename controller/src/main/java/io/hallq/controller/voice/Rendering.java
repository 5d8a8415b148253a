package io.hallq.controller.voice;

import java.util.List;

/**
 * An announcement laid out as clips and silences, ready to be turned into PCM at a volume.
 * The layout is exact and public so tests can check rendered audio sample by sample.
 */
public record Rendering(PcmFormat format, List<Segment> segments) {

    public Rendering {
        segments = List.copyOf(segments);
    }

    /** A stretch of the output. */
    public sealed interface Segment {
        /** Length in samples. */
        int length();
    }

    /** A clip, played whole. */
    public record ClipSegment(Clip clip) implements Segment {
        @Override
        public int length() {
            return clip.length();
        }
    }

    /** Digital silence (zero samples). */
    public record Silence(int length) implements Segment {
        public Silence {
            if (length <= 0) {
                throw new IllegalArgumentException("silence length must be positive, got " + length);
            }
        }
    }

    public int totalSamples() {
        return segments.stream().mapToInt(Segment::length).sum();
    }

    /** The clip file names in playing order. */
    public List<String> clipNames() {
        return segments.stream().filter(ClipSegment.class::isInstance)
                .map(s -> ((ClipSegment) s).clip().name()).toList();
    }

    /** Little-endian 16-bit PCM of the whole rendering, every sample scaled by {@code volume}. */
    public byte[] toPcm(double volume) {
        byte[] out = new byte[totalSamples() * 2];
        int pos = 0;
        for (Segment s : segments) {
            if (s instanceof ClipSegment(Clip clip)) {
                for (short sample : clip.samples()) {
                    int v = scale(sample, volume);
                    out[pos] = (byte) v;
                    out[pos + 1] = (byte) (v >> 8);
                    pos += 2;
                }
            } else {
                pos += s.length() * 2;
            }
        }
        return out;
    }

    /** One sample at a volume: rounded to nearest, clamped to 16 bits. */
    public static int scale(short sample, double volume) {
        if (volume == 1.0) {
            return sample;
        }
        long v = Math.round(sample * volume);
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
