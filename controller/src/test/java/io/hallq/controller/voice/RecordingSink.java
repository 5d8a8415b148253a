package io.hallq.controller.voice;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-memory sink that records each announcement's bytes and timing, can play at a paced speed like a real
 * device, can hold the first announcement until released, and can refuse to open like a missing device.
 */
final class RecordingSink implements AudioSink {

    /** One announcement as the sink saw it. */
    record Played(String label, byte[] pcm, long openNanos, long firstWriteNanos, long closeNanos) {
    }

    private final double speed;
    private final List<Played> played = new ArrayList<>();
    private volatile Function<String, OpenResult> opener = label -> OPENED;
    private volatile CountDownLatch hold;
    private ByteArrayOutputStream current;
    private String label;
    private long openNanos;
    private long firstWriteNanos;
    private PcmFormat format;

    /** @param speed 0 writes instantly; otherwise sleeps as a device playing {@code speed} times real time */
    RecordingSink(double speed) {
        this.speed = speed;
    }

    /** Makes open return the function's result (e.g. {@link AudioSink.Unavailable}). */
    void opener(Function<String, OpenResult> opener) {
        this.opener = opener;
    }

    /** The next announcement blocks on its first write until the returned latch is counted down. */
    CountDownLatch holdNext() {
        CountDownLatch latch = new CountDownLatch(1);
        hold = latch;
        return latch;
    }

    synchronized List<Played> played() {
        return List.copyOf(played);
    }

    @Override
    public OpenResult open(PcmFormat pcmFormat, String announcement) {
        OpenResult r = opener.apply(announcement);
        if (r instanceof Opened) {
            format = pcmFormat;
            label = announcement;
            current = new ByteArrayOutputStream();
            openNanos = System.nanoTime();
            firstWriteNanos = 0;
        }
        return r;
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        if (firstWriteNanos == 0) {
            firstWriteNanos = System.nanoTime();
            awaitHold();
        }
        current.write(pcm, offset, length);
        if (speed > 0) {
            long nanos = (long) (length / 2 * 1e9 / format.sampleRate() / speed);
            sleepNanos(nanos); // a sound card blocks while it plays: the fake device's own timing, not a test's wait
        }
    }

    private void awaitHold() {
        CountDownLatch latch = hold;
        if (latch != null) {
            hold = null;
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void drain() {
    }

    @Override
    public void close() {
        if (current != null) {
            synchronized (this) {
                played.add(new Played(label, current.toByteArray(), openNanos, firstWriteNanos, System.nanoTime()));
            }
            current = null;
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
