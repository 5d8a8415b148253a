package io.hallq.controller.voice;

import java.time.Duration;

/**
 * Linear PCM, signed, little-endian. The voice pipeline mixes mono 16-bit only ({@link #isMono16()}); other
 * formats exist so that a clip in the wrong format can be described in an error message.
 */
public record PcmFormat(int sampleRate, int channels, int bitsPerSample) {

    /** The format of the shipped clip set. */
    public static final PcmFormat MONO_16K = new PcmFormat(16_000, 1, 16);

    public PcmFormat {
        if (sampleRate <= 0 || channels <= 0 || bitsPerSample <= 0) {
            throw new IllegalArgumentException("invalid PCM format: " + sampleRate + " Hz, " + channels + " ch, "
                    + bitsPerSample + "-bit");
        }
    }

    public boolean isMono16() {
        return channels == 1 && bitsPerSample == 16;
    }

    public int bytesPerFrame() {
        return channels * ((bitsPerSample + 7) / 8);
    }

    /** Number of frames (samples per channel) in the given duration, rounded down. */
    public int frames(Duration duration) {
        return (int) (duration.toNanos() * sampleRate / 1_000_000_000L);
    }

    /** Duration of the given number of frames. */
    public Duration duration(long frames) {
        return Duration.ofNanos(frames * 1_000_000_000L / sampleRate);
    }

    /** For messages: "16000 Hz, mono, 16-bit". */
    public String describe() {
        String ch = channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels";
        return sampleRate + " Hz, " + ch + ", " + bitsPerSample + "-bit";
    }
}
