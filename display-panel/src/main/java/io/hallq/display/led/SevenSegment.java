package io.hallq.display.led;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Characters as 7-segment patterns in the MAX7219's no-decode bit order: bit 7 = decimal point, bits 6..0 =
 * segments A, B, C, D, E, F, G. Ticket numbers need the digits and the service prefixes A..H; a few more
 * letters are here for short words ("OFF", "PAUSE" as "PAUSE").
 */
public final class SevenSegment {

    private static final Map<Character, Integer> PATTERNS = new HashMap<>();
    private static final Map<Integer, Character> CHARS = new HashMap<>();

    static {
        String[][] table = {
                {"0", "1111110"}, {"1", "0110000"}, {"2", "1101101"}, {"3", "1111001"}, {"4", "0110011"},
                {"5", "1011011"}, {"6", "1011111"}, {"7", "1110000"}, {"8", "1111111"}, {"9", "1111011"},
                {"A", "1110111"}, {"B", "0011111"}, {"C", "1001110"}, {"D", "0111101"}, {"E", "1001111"},
                {"F", "1000111"}, {"G", "1011110"}, {"H", "0110111"}, {"J", "0111100"}, {"L", "0001110"},
                {"N", "0010101"}, {"O", "0011101"}, {"P", "1100111"}, {"R", "0000101"}, {"T", "0001111"},
                {"U", "0111110"}, {"Y", "0111011"}, {"-", "0000001"}, {"_", "0001000"}, {" ", "0000000"}};
        for (String[] row : table) {
            int bits = Integer.parseInt(row[1], 2);
            PATTERNS.put(row[0].charAt(0), bits);
            CHARS.putIfAbsent(bits, row[0].charAt(0));
        }
    }

    private SevenSegment() {}

    /** The pattern of one character; characters without a pattern show as blank. */
    public static int pattern(char c) {
        return PATTERNS.getOrDefault(Character.toUpperCase(c), 0);
    }

    /**
     * The patterns of {@code text} right-aligned on {@code width} digits, leftmost digit first; text longer than
     * the display keeps its rightmost characters (the number part of a ticket is what matters).
     */
    public static int[] render(String text, int width) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.length() > width) {
            t = t.substring(t.length() - width);
        }
        int[] out = new int[width];
        int offset = width - t.length();
        for (int i = 0; i < t.length(); i++) {
            out[offset + i] = pattern(t.charAt(i));
        }
        return out;
    }

    /** The character a pattern shows (decimal point ignored), or '?' for a pattern no character has. */
    public static char read(int pattern) {
        return CHARS.getOrDefault(pattern & 0x7F, '?');
    }
}
