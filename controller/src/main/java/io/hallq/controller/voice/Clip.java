package io.hallq.controller.voice;

/**
 * One pre-recorded piece of speech (or the chime), decoded to mono 16-bit samples.
 *
 * @param name the file name relative to its clip set, e.g. "zh/digit-0.wav"
 */
public record Clip(String name, short[] samples) {

    public int length() {
        return samples.length;
    }

    @Override
    public String toString() {
        return name + " (" + samples.length + " samples)";
    }
}
