package io.hallq.controller.voice;

import java.util.function.Supplier;

/**
 * One pre-recorded piece of speech (or the chime) as mono 16-bit samples: held in memory, or read again from its
 * clip set each time it is played ({@link #onDemand}). The shipped set decodes to about 4.4 MB of samples, a
 * twentieth of the controller's memory budget, for clips that are each played a few times an hour; the loader
 * keeps only the chime, which starts every announcement, in memory (docs/benchmarks.md, "Resident memory").
 *
 * @see ClipSetLoader
 */
public final class Clip {

    private final String name;
    private final int length;
    private final short[] samples;
    private final Supplier<short[]> reader;

    /** A clip held in memory. */
    public Clip(String name, short[] samples) {
        this(name, samples.length, samples, null);
    }

    private Clip(String name, int length, short[] samples, Supplier<short[]> reader) {
        this.name = name;
        this.length = length;
        this.samples = samples;
        this.reader = reader;
    }

    /**
     * A clip read and decoded by {@code reader} each time its samples are asked for; {@code length} is its
     * length in samples, known from the check at load.
     */
    public static Clip onDemand(String name, int length, Supplier<short[]> reader) {
        return new Clip(name, length, null, reader);
    }

    /** The file name relative to its clip set, e.g. "zh/digit-0.wav". */
    public String name() {
        return name;
    }

    /**
     * The samples (the caller must not change them). For a clip read on demand they are read from the set again:
     * a file that no longer reads as it did at load fails with an {@link IllegalStateException} naming it.
     */
    public short[] samples() {
        if (samples != null) {
            return samples;
        }
        short[] read = reader.get();
        if (read.length != length) {
            throw new IllegalStateException("voice clip " + name + " changed since it was loaded: " + read.length
                    + " samples, expected " + length);
        }
        return read;
    }

    public int length() {
        return length;
    }

    /** Whether the samples are held in memory (else they are read on each play). */
    public boolean inMemory() {
        return samples != null;
    }

    @Override
    public String toString() {
        return name + " (" + length + " samples" + (samples == null ? ", read on demand)" : ")");
    }
}
