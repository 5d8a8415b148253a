package io.hallq.controller.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Pins the byte layout documented on {@link Journal}: files written today must stay readable. */
class SegmentFormatTest {

    private static int crc(byte[] data, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(data, from, to - from);
        return (int) crc.getValue();
    }

    @Test
    void header_isMagicVersionReservedFirstSequenceAndCrc() {
        byte[] header = SegmentFormat.encodeHeader(42);
        assertEquals("48514a4c" + "0001" + "0000" + "000000000000002a",
                HexFormat.of().formatHex(header, 0, 16));
        assertEquals(crc(header, 0, 16), ByteBuffer.wrap(header).getInt(16));
        assertNull(SegmentFormat.headerProblem(header, header.length));
        assertEquals(42, SegmentFormat.firstSequence(header));
    }

    @Test
    void batch_marksOnlyItsLastRecordAsBatchEnd_andChecksumsMarkerLengthSequenceAndPayload() {
        byte[] batch = SegmentFormat.encodeBatch(List.of(new byte[] {'h', 'i'}, new byte[0]), 7).array();
        assertEquals("4a2b" + "00000002" + "0000000000000007" + "6869",
                HexFormat.of().formatHex(batch, 0, 16));
        assertEquals(crc(batch, 0, 16), ByteBuffer.wrap(batch).getInt(16));
        assertEquals("4a2e" + "00000000" + "0000000000000008",
                HexFormat.of().formatHex(batch, 20, 34));
        assertEquals(crc(batch, 20, 34), ByteBuffer.wrap(batch).getInt(34));
        assertEquals(38, batch.length);
    }

    @Test
    void check_namesWhyBytesAreNotARecord() {
        byte[] record = SegmentFormat.encodeBatch(List.of(new byte[] {1, 2, 3}), 1).array();
        assertEquals(SegmentFormat.RecordCheck.OK, SegmentFormat.check(record, 0, record.length));
        assertEquals(SegmentFormat.RecordCheck.TRUNCATED, SegmentFormat.check(record, 0, record.length - 1));
        assertEquals(SegmentFormat.RecordCheck.BAD_MARKER, SegmentFormat.check(new byte[30], 0, 30));
        byte[] badCrc = record.clone();
        badCrc[SegmentFormat.RECORD_HEADER_SIZE] ^= 1;
        assertEquals(SegmentFormat.RecordCheck.BAD_CRC, SegmentFormat.check(badCrc, 0, badCrc.length));
        byte[] badLength = record.clone();
        badLength[2] = (byte) 0x80;
        assertEquals(SegmentFormat.RecordCheck.BAD_LENGTH, SegmentFormat.check(badLength, 0, badLength.length));
        assertArrayEquals(new byte[] {1, 2, 3}, SegmentFormat.payload(record, 0));
    }
}
