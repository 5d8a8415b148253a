package io.hallq.controller.voice;

import java.util.Arrays;
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
        reader(volume).read(out);
        return out;
    }

    /** Produces the PCM piece by piece, so playing can start before the whole announcement is converted. */
    public PcmReader reader(double volume) {
        return new PcmReader(segments, volume);
    }

    /** Converts segments to little-endian 16-bit PCM into a caller's buffer; not thread-safe. */
    public static final class PcmReader {
        private final List<Segment> segments;
        private final double volume;
        private int segment;
        private int position;
        /** The samples of the clip segment being converted (null between segments). */
        private short[] current;

        private PcmReader(List<Segment> segments, double volume) {
            this.segments = segments;
            this.volume = volume;
        }

        /** Fills {@code buffer} from the start with whole samples; returns the bytes filled, 0 at the end. */
        public int read(byte[] buffer) {
            int filled = 0;
            while (filled + 2 <= buffer.length && segment < segments.size()) {
                Segment s = segments.get(segment);
                int take = Math.min(s.length() - position, (buffer.length - filled) / 2);
                if (s instanceof ClipSegment(Clip clip)) {
                    if (current == null) {
                        current = clip.samples(); // once per segment: a clip read on demand is read once a play
                    }
                    short[] samples = current;
                    for (int k = position; k < position + take; k++) {
                        int v = scale(samples[k], volume);
                        buffer[filled++] = (byte) v;
                        buffer[filled++] = (byte) (v >> 8);
                    }
                } else {
                    Arrays.fill(buffer, filled, filled + take * 2, (byte) 0);
                    filled += take * 2;
                }
                position += take;
                if (position == s.length()) {
                    segment++;
                    position = 0;
                    current = null;
                }
            }
            return filled;
        }
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
