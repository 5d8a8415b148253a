package io.hallq.controller.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * An I2C bus that records every transaction as text ("20 w 0a44", "20 r 12 -> ffff") and answers reads only
 * with what the test queued: a read nobody queued fails the test at once, naming the register. Failures
 * (no acknowledge) are queued too.
 */
final class RecordingI2cBus implements I2cBus {

    private static final HexFormat HEX = HexFormat.of();

    private final List<String> log = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private int failWrites;
    private boolean gone;

    /** The next read answers these bytes. */
    RecordingI2cBus answer(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        answers.add(b);
        return this;
    }

    /** The next read fails (no acknowledge). */
    RecordingI2cBus failRead() {
        answers.add(new DeviceIoException("queued read failure"));
        return this;
    }

    /** The next {@code n} writes fail. */
    RecordingI2cBus failWrites(int n) {
        failWrites = n;
        return this;
    }

    /** Every transaction fails until {@link #back}: the chip is off the bus. */
    void gone() {
        gone = true;
    }

    void back() {
        gone = false;
    }

    @Override
    public void write(int address, byte[] data) {
        if (gone || failWrites > 0) {
            failWrites = Math.max(0, failWrites - 1);
            log.add(String.format("%02x w %s NACK", address, HEX.formatHex(data)));
            throw new DeviceIoException("no acknowledge");
        }
        log.add(String.format("%02x w %s", address, HEX.formatHex(data)));
    }

    @Override
    public byte[] writeRead(int address, byte[] write, int readLength) {
        if (gone) {
            log.add(String.format("%02x r %s NACK", address, HEX.formatHex(write)));
            throw new DeviceIoException("no acknowledge");
        }
        Object a = answers.poll();
        if (a == null) {
            throw new AssertionError(String.format("the driver read %d bytes from 0x%02x register %s and the test "
                    + "queued no answer; transactions so far: %s", readLength, address, HEX.formatHex(write), log));
        }
        if (a instanceof DeviceIoException e) {
            log.add(String.format("%02x r %s NACK", address, HEX.formatHex(write)));
            throw e;
        }
        byte[] b = (byte[]) a;
        if (b.length != readLength) {
            throw new AssertionError("the test queued " + b.length + " bytes, the driver read " + readLength
                    + " from register " + HEX.formatHex(write));
        }
        log.add(String.format("%02x r %s -> %s", address, HEX.formatHex(write), HEX.formatHex(b)));
        return b;
    }

    /** The transactions since the last call. */
    List<String> take() {
        List<String> out = List.copyOf(log);
        log.clear();
        return out;
    }

    void assertAllAnswersUsed() {
        if (!answers.isEmpty()) {
            throw new AssertionError("answers queued but never read: " + answers.size());
        }
    }
}
