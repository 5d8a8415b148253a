package io.hallq.controller.device;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A printer link that records every byte written and replays answers queued by the test. Reading an answer
 * no test queued fails loudly, so a driver cannot silently depend on a reply it never asked for.
 */
final class RecordingPrinterLink implements PrinterLink {

    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Deque<Integer> answers = new ArrayDeque<>();
    boolean unplugged;
    boolean timeoutWhenEmpty;
    /** Writes that succeed before the link fails as if unplugged; -1 for never. */
    int failAfterWrites = -1;
    private int writes;

    RecordingPrinterLink answer(int... bytes) {
        for (int b : bytes) {
            answers.add(b);
        }
        return this;
    }

    @Override
    public void write(byte[] bytes) {
        if (unplugged || writes++ == failAfterWrites) {
            unplugged = true;
            throw new DeviceIoException("gone");
        }
        written.writeBytes(bytes);
    }

    @Override
    public int read(Duration timeout) {
        if (answers.isEmpty()) {
            if (timeoutWhenEmpty) {
                return -1;
            }
            throw new AssertionError("the driver read an answer no test queued; written so far: " + hex());
        }
        return answers.poll();
    }

    @Override
    public void discardInput() {
        // queued answers are the test's script, not stale input
    }

    @Override
    public void close() {}

    String hex() {
        StringBuilder s = new StringBuilder();
        for (byte b : written.toByteArray()) {
            s.append(String.format("%02X ", b));
        }
        return s.toString().trim();
    }
}
