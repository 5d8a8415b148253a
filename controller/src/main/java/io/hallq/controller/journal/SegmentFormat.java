package io.hallq.controller.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Byte layout of a journal segment; see {@link Journal} for the format description.
 * All numbers are big-endian.
 */
final class SegmentFormat {

    static final int MAGIC = 0x48514A4C; // "HQJL"
    static final short VERSION = 1;
    /** magic(4) version(2) reserved(2) firstSequence(8) crc(4). */
    static final int HEADER_SIZE = 20;

    /** A record whose batch goes on with the next record. "J+" */
    static final short MARKER_MORE = 0x4A2B;
    /** The last record of a batch. "J." */
    static final short MARKER_END = 0x4A2E;
    /** marker(2) length(4) sequence(8), then the payload, then crc(4). */
    static final int RECORD_HEADER_SIZE = 14;
    static final int RECORD_OVERHEAD = RECORD_HEADER_SIZE + 4;
    /**
     * Bounds a length read from a damaged file before anything is allocated for it; events are
     * a few hundred bytes, so this is far above any real payload.
     */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    /** Why the bytes at an offset are not a whole, intact record. */
    enum RecordCheck {
        OK("intact"),
        TRUNCATED("record is incomplete (file ends inside it)"),
        BAD_MARKER("no record marker"),
        BAD_LENGTH("payload length out of range"),
        BAD_CRC("CRC32C mismatch");

        final String description;

        RecordCheck(String description) {
            this.description = description;
        }
    }

    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);

    private SegmentFormat() {
    }

    private static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.BIG_ENDIAN);
    }

    static byte[] encodeHeader(long firstSequence) {
        byte[] header = new byte[HEADER_SIZE];
        INT.set(header, 0, MAGIC);
        SHORT.set(header, 4, VERSION);
        LONG.set(header, 8, firstSequence);
        INT.set(header, 16, crc(header, 0, 16));
        return header;
    }

    /** Returns null when the header is intact, otherwise what is wrong with it. */
    static String headerProblem(byte[] data, int size) {
        if (size < HEADER_SIZE) {
            return "file is shorter than its " + HEADER_SIZE + "-byte header (" + size + " bytes)";
        }
        if ((int) INT.get(data, 0) != MAGIC) {
            return "bad magic, not a journal segment";
        }
        if ((int) INT.get(data, 16) != crc(data, 0, 16)) {
            return "header CRC32C mismatch";
        }
        if ((short) SHORT.get(data, 4) != VERSION) {
            return "unsupported format version " + (short) SHORT.get(data, 4);
        }
        if (firstSequence(data) < 1) {
            return "first sequence " + firstSequence(data) + " is not positive";
        }
        return null;
    }

    static long firstSequence(byte[] header) {
        return (long) LONG.get(header, 8);
    }

    /**
     * Encodes a batch as one contiguous buffer so it reaches the file in a single write; only
     * the last record carries the batch-end marker, which is what makes a batch all-or-nothing.
     */
    static ByteBuffer encodeBatch(List<byte[]> payloads, long firstSequence) {
        long total = 0;
        for (byte[] payload : payloads) {
            if (payload.length > MAX_PAYLOAD) {
                throw new IllegalArgumentException(
                        "payload of " + payload.length + " bytes exceeds the limit of " + MAX_PAYLOAD);
            }
            total += RECORD_OVERHEAD + payload.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batch of " + total + " bytes is too large for one write");
        }
        byte[] buffer = new byte[(int) total];
        int offset = 0;
        for (int i = 0; i < payloads.size(); i++) {
            boolean last = i == payloads.size() - 1;
            offset = encodeRecord(buffer, offset, payloads.get(i), firstSequence + i, last);
        }
        return ByteBuffer.wrap(buffer);
    }

    private static int encodeRecord(byte[] buffer, int offset, byte[] payload, long sequence, boolean last) {
        SHORT.set(buffer, offset, last ? MARKER_END : MARKER_MORE);
        INT.set(buffer, offset + 2, payload.length);
        LONG.set(buffer, offset + 6, sequence);
        System.arraycopy(payload, 0, buffer, offset + RECORD_HEADER_SIZE, payload.length);
        int crcOffset = offset + RECORD_HEADER_SIZE + payload.length;
        INT.set(buffer, crcOffset, crc(buffer, offset, crcOffset - offset));
        return crcOffset + 4;
    }

    /** Checks whether a whole record with a valid checksum starts at {@code offset}. */
    static RecordCheck check(byte[] data, int offset, int end) {
        if (end - offset < RECORD_HEADER_SIZE) {
            return end - offset < 2 || isMarker(data, offset) ? RecordCheck.TRUNCATED : RecordCheck.BAD_MARKER;
        }
        if (!isMarker(data, offset)) {
            return RecordCheck.BAD_MARKER;
        }
        int length = payloadLength(data, offset);
        if (length < 0 || length > MAX_PAYLOAD) {
            return RecordCheck.BAD_LENGTH;
        }
        if ((long) end - offset < (long) RECORD_OVERHEAD + length) {
            return RecordCheck.TRUNCATED;
        }
        int crcOffset = offset + RECORD_HEADER_SIZE + length;
        return (int) INT.get(data, crcOffset) == crc(data, offset, crcOffset - offset)
                ? RecordCheck.OK : RecordCheck.BAD_CRC;
    }

    private static boolean isMarker(byte[] data, int offset) {
        short marker = (short) SHORT.get(data, offset);
        return marker == MARKER_MORE || marker == MARKER_END;
    }

    /** Size of the record at {@code offset}; only meaningful once {@link #check} said OK. */
    static int recordSize(byte[] data, int offset) {
        return RECORD_OVERHEAD + payloadLength(data, offset);
    }

    static int payloadLength(byte[] data, int offset) {
        return (int) INT.get(data, offset + 2);
    }

    static long sequence(byte[] data, int offset) {
        return (long) LONG.get(data, offset + 6);
    }

    static boolean endsBatch(byte[] data, int offset) {
        return (short) SHORT.get(data, offset) == MARKER_END;
    }

    static byte[] payload(byte[] data, int offset) {
        int start = offset + RECORD_HEADER_SIZE;
        return Arrays.copyOfRange(data, start, start + payloadLength(data, offset));
    }

    private static int crc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }
}
