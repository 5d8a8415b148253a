package io.hallq.controller.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class EscPosTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void initAlignSizeCut_areTheEscPosCommands() {
        byte[] b = new EscPos(576).init().align(EscPos.Align.CENTER).size(4, 4).size(1, 2).feed(3).cut().bytes();
        assertArrayEquals(bytes(0x1B, '@', 0x1C, '&', 0x1B, 'a', 1, 0x1D, '!', 0x33, 0x1D, '!', 0x01,
                0x1B, 'd', 3, 0x1D, 'V', 66, 0), b);
    }

    @Test
    void chineseText_goesOutAsGbk_endedByLf() {
        byte[] b = new EscPos(576).line("充值 E001").bytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("充值 E001".getBytes(Charset.forName("GBK")));
        expected.write(0x0A);
        assertArrayEquals(expected.toByteArray(), b);
        assertEquals((byte) 0xB3, b[0]); // 充 = B3 E4 in GB2312
        assertEquals((byte) 0xE4, b[1]);
    }

    @Test
    void qr_storesThePayload_withModel2SizeAndLevelM_thenPrints() {
        byte[] b = new EscPos(576).qr("http://h/m/ab", 6).bytes();
        byte[] head = bytes(0x1D, '(', 'k', 4, 0, 49, 65, 50, 0,
                0x1D, '(', 'k', 3, 0, 49, 67, 6,
                0x1D, '(', 'k', 3, 0, 49, 69, 49,
                0x1D, '(', 'k', 16, 0, 49, 80, 48);
        assertArrayEquals(head, java.util.Arrays.copyOf(b, head.length));
        assertEquals("http://h/m/ab", new String(b, head.length, 13, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(bytes(0x1D, '(', 'k', 3, 0, 49, 81, 48),
                java.util.Arrays.copyOfRange(b, head.length + 13, b.length));
    }

    @Test
    void aCharacterGbkLacks_printsTheLineAsARasterImage() {
        assertNull(EscPos.encode("𠮷野家"));
        byte[] b = new EscPos(384).line("𠮷野家").bytes();
        assertArrayEquals(bytes(0x1D, 'v', '0', 0, 48, 0, 24, 0), java.util.Arrays.copyOf(b, 8));
        assertEquals(8 + 48 * 24, b.length);
        boolean anyDot = false;
        for (int i = 8; i < b.length; i++) {
            anyDot |= b[i] != 0;
        }
        assertTrue(anyDot, "the fallback image is blank");
    }

    @Test
    void statusRequest_isDleEotN() {
        assertArrayEquals(bytes(0x10, 0x04, 0x04), EscPos.statusRequest(4));
    }
}
