package io.hallq.controller.ticket;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Renders a line of text to a 1-bit image for GS v 0, for characters the printer's font lacks. Uses the
 * JVM's logical "Dialog" font, which maps to whatever CJK font the system has; without one, the glyphs are
 * boxes, which still tells staff something is there.
 */
public final class TextRaster {

    /** A 1-bit image: rows of {@code bytesPerRow} bytes, bit 7 = leftmost dot, 1 = black. */
    public record Image(int bytesPerRow, int rows, byte[] data) {
        public boolean dot(int x, int y) {
            return (data[y * bytesPerRow + x / 8] >> (7 - x % 8) & 1) != 0;
        }
    }

    private TextRaster() {}

    public static Image render(String text, int widthDots, int heightDots) {
        BufferedImage img = new BufferedImage(widthDots, heightDots, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthDots, heightDots);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setFont(new Font(Font.DIALOG, Font.PLAIN, heightDots * 5 / 6));
            int textWidth = g.getFontMetrics().stringWidth(text);
            g.drawString(text, Math.max(0, (widthDots - textWidth) / 2), heightDots * 5 / 6);
        } finally {
            g.dispose();
        }
        int bytesPerRow = (widthDots + 7) / 8;
        byte[] data = new byte[bytesPerRow * heightDots];
        for (int y = 0; y < heightDots; y++) {
            for (int x = 0; x < widthDots; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0) {
                    data[y * bytesPerRow + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new Image(bytesPerRow, heightDots, data);
    }
}
