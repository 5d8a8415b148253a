package io.hallq.controller.voice;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays through Java Sound's default output line, which on the Raspberry Pi (OpenJDK on Linux) is the default
 * ALSA device. No sound card, a busy device or a format it refuses all make {@link #open} return
 * {@link AudioSink.Unavailable}, never throw.
 */
public final class JavaSoundSink implements AudioSink {

    private final int bufferMillis;
    private SourceDataLine line;

    /** A sink with a 250 ms device buffer. */
    public JavaSoundSink() {
        this(250);
    }

    /** @param bufferMillis device buffer length: shorter starts sooner, longer survives a busy CPU better */
    public JavaSoundSink(int bufferMillis) {
        if (bufferMillis < 20 || bufferMillis > 5000) {
            throw new IllegalArgumentException("bufferMillis must be 20..5000, got " + bufferMillis);
        }
        this.bufferMillis = bufferMillis;
    }

    @Override
    public OpenResult open(PcmFormat format, String label) {
        close();
        AudioFormat af = new AudioFormat(format.sampleRate(), format.bitsPerSample(), format.channels(), true, false);
        int bufferBytes = format.sampleRate() * format.bytesPerFrame() * bufferMillis / 1000;
        SourceDataLine opened = null;
        try {
            opened = AudioSystem.getSourceDataLine(af);
            opened.open(af, bufferBytes);
            opened.start();
            line = opened;
            return OPENED;
        } catch (LineUnavailableException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            return new Unavailable("no audio output for " + format.describe() + ": " + e);
        }
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        SourceDataLine l = line;
        if (l == null) {
            throw new AudioSinkException("audio output is not open");
        }
        int written = l.write(pcm, offset, length);
        if (written < length) {
            throw new AudioSinkException("audio output stopped taking data (" + written + " of " + length
                    + " bytes written)");
        }
    }

    @Override
    public void drain() {
        if (line != null) {
            line.drain();
        }
    }

    @Override
    public void close() {
        if (line != null) {
            try {
                line.close();
            } finally {
                line = null;
            }
        }
    }
}
