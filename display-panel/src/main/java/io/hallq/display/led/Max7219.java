package io.hallq.display.led;

/**
 * The MAX7219 LED driver's serial protocol: every 16-bit word is a register address then its data, and a
 * chain of cascaded chips is one shift register, so one frame carries one word per chip, the word for the
 * chip farthest from the Pi first. Chip 0 is the one wired to the Pi.
 */
public final class Max7219 {

    public static final int NO_OP = 0x00;
    /** Digit/row registers are 1..8. */
    public static final int DIGIT_0 = 0x01;
    public static final int DECODE_MODE = 0x09;
    public static final int INTENSITY = 0x0A;
    public static final int SCAN_LIMIT = 0x0B;
    public static final int SHUTDOWN = 0x0C;
    public static final int DISPLAY_TEST = 0x0F;

    private Max7219() {}

    /** One frame writing {@code register} on every chip: {@code data[i]} goes to chip i. */
    public static byte[] frame(int register, int[] data) {
        byte[] out = new byte[data.length * 2];
        for (int chip = 0; chip < data.length; chip++) {
            int pos = (data.length - 1 - chip) * 2;
            out[pos] = (byte) register;
            out[pos + 1] = (byte) data[chip];
        }
        return out;
    }

    /** One frame writing the same value to {@code register} on all {@code chips}. */
    public static byte[] broadcast(int register, int value, int chips) {
        int[] data = new int[chips];
        java.util.Arrays.fill(data, value);
        return frame(register, data);
    }

    /**
     * The 8 row bytes of each module for a strip of columns (bit 0 = top row): row r of module m has bit 7 for
     * the module's leftmost column, as on the common FC-16 modules.
     *
     * @return rows[module][row]
     */
    public static int[][] matrixRows(int[] columns, int modules) {
        int[][] rows = new int[modules][8];
        for (int m = 0; m < modules; m++) {
            for (int c = 0; c < 8; c++) {
                int col = m * 8 + c < columns.length ? columns[m * 8 + c] : 0;
                for (int r = 0; r < 8; r++) {
                    if ((col >> r & 1) != 0) {
                        rows[m][r] |= 0x80 >> c;
                    }
                }
            }
        }
        return rows;
    }
}
