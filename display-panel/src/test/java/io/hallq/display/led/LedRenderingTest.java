package io.hallq.display.led;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LedRenderingTest {

    @Test
    void sevenSegment_rightAlignsTheTicket_andReadsBack() {
        int[] digits = SevenSegment.render("A012", 8);
        assertEquals(0, digits[0]);
        assertEquals(0b1110111, digits[4]);
        StringBuilder read = new StringBuilder();
        for (int d : digits) {
            read.append(SevenSegment.read(d));
        }
        assertEquals("    A012", read.toString());
    }

    @Test
    void sevenSegment_tooLong_keepsTheRightmostCharacters() {
        int[] digits = SevenSegment.render("123456789", 8);
        assertEquals(SevenSegment.pattern('2'), digits[0]);
    }

    @Test
    void max7219Frame_sendsTheFarthestChipFirst() {
        assertArrayEquals(new byte[] {0x03, 0x33, 0x03, 0x22, 0x03, 0x11},
                Max7219.frame(0x03, new int[] {0x11, 0x22, 0x33}));
    }

    @Test
    void matrixRows_putTheLeftmostColumnInBit7() {
        int[] cols = new int[16];
        cols[0] = 0b0000_0001; // top pixel of the first column
        cols[9] = 0b1000_0000; // bottom pixel of the second module's second column
        int[][] rows = Max7219.matrixRows(cols, 2);
        assertEquals(0x80, rows[0][0]);
        assertEquals(0x40, rows[1][7]);
    }

    @Test
    void scrollingText_entersFromTheRight_andMovesLeft() {
        ScrollingText s = new ScrollingText(8);
        s.text("1");
        assertArrayEquals(new int[8], s.window());
        for (int i = 0; i < 8; i++) {
            s.step();
        }
        assertArrayEquals(MatrixFont.glyph('1'), java.util.Arrays.copyOf(s.window(), 5));
    }

    @Test
    void font_unknownCharacter_isABox_lowerCaseIsUpper() {
        assertArrayEquals(MatrixFont.glyph('A'), MatrixFont.glyph('a'));
        assertEquals(0x7F, MatrixFont.glyph('号')[0]);
    }
}
