package io.hallq.display.led;

/**
 * A text scrolling right to left across a strip of 8x8 modules: {@link #step()} moves one column and
 * {@link #window()} gives the columns now visible. The text enters from the right edge and wraps around
 * after a gap the width of the strip, so a short text does not flicker.
 */
public final class ScrollingText {

    private final int width;
    private int[] strip;
    private int offset;

    /** @param width visible columns (8 per module) */
    public ScrollingText(int width) {
        if (width < 8) {
            throw new IllegalArgumentException("a strip is at least one 8-column module, not " + width);
        }
        this.width = width;
        this.strip = new int[width];
    }

    /** Replaces the text; scrolling restarts at the right edge. */
    public void text(String text) {
        int[] cols = MatrixFont.columns(text);
        strip = new int[cols.length + width];
        System.arraycopy(cols, 0, strip, width, cols.length);
        offset = 0;
    }

    public void step() {
        offset = (offset + 1) % strip.length;
    }

    /** The visible columns, leftmost first, bit 0 = top row. */
    public int[] window() {
        int[] out = new int[width];
        for (int i = 0; i < width; i++) {
            out[i] = strip[(offset + i) % strip.length];
        }
        return out;
    }
}
