package io.hallq.controller.voice;

/**
 * Where announcements are played: the sound card on the Pi ({@link JavaSoundSink}), WAV files in the emulator and
 * tests ({@link WavFileSink}). Used by one thread at a time: the announcer's playback thread opens the sink for
 * one announcement, writes its PCM, drains and closes it.
 */
public interface AudioSink {

    /** The result of {@link #open}. */
    sealed interface OpenResult permits Opened, Unavailable {
    }

    /** Ready for {@link #write}. */
    record Opened() implements OpenResult {
    }

    /** The output cannot be used now (e.g. no audio device); an expected outcome, raised as a device alarm. */
    record Unavailable(String reason) implements OpenResult {
    }

    /** The one {@link Opened} value. */
    Opened OPENED = new Opened();

    /**
     * Prepares to play one announcement of mono 16-bit PCM in {@code format}.
     *
     * @param label what is played, for file names and logs (e.g. "call A012 -> 3")
     */
    OpenResult open(PcmFormat format, String label);

    /**
     * Plays little-endian PCM. May block while the device is busy playing what came before. The caller reuses
     * {@code pcm} after this returns: a sink that keeps the data must copy it.
     *
     * @throws AudioSinkException when the output fails mid-way (device unplugged, disk full)
     */
    void write(byte[] pcm, int offset, int length);

    /** Waits until everything written has been played. */
    void drain();

    /** Releases the output; safe to call after a failure and more than once. */
    void close();
}
