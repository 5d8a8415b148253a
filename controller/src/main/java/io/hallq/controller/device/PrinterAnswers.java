package io.hallq.controller.device;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes a printer sent and nobody has read yet, with the read-with-timeout of {@link PrinterLink#read}: one
 * thread (a device file's reader, a virtual printer) adds them, the printer logic takes them one at a time.
 */
public final class PrinterAnswers {

    private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

    /** Queues one byte the printer sent (its low 8 bits). */
    public void add(int b) {
        bytes.add(b & 0xFF);
    }

    /** Queues the first {@code n} bytes of {@code buf}. */
    public void add(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            add(buf[i]);
        }
    }

    /**
     * The next byte (0..255), waiting at most {@code timeout}, or -1 when none came in time. An interrupt also
     * gives -1, with the thread's interrupt flag set again.
     */
    public int next(Duration timeout) {
        try {
            Integer b = bytes.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return b == null ? -1 : b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Drops every byte not read yet (a late answer to an earlier query). */
    public void clear() {
        bytes.clear();
    }
}
