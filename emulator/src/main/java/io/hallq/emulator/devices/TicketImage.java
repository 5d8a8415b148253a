package io.hallq.emulator.devices;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a decoded ticket as a PNG the width of 80 mm paper (576 dots): text at its size and alignment,
 * raster lines dot for dot, the QR code as a framed box with its payload under it (the emulator shows what
 * the code holds; drawing the modules would need a QR encoder and adds nothing to a test).
 */
public final class TicketImage {

    private static final int WIDTH = 576;
    private static final int BASE = 24;

    private TicketImage() {}

    public static byte[] png(PrintedTicket t) {
        int height = 40;
        for (PrintedTicket.Line l : t.lines()) {
            height += l.isImage() ? l.image().length : BASE * l.height() + 6;
        }
        height += t.qrPayload() == null ? 0 : 200;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            int y = 20;
            for (PrintedTicket.Line l : t.lines()) {
                y = l.isImage() ? image(img, l, y) : text(g, l, y);
            }
            if (t.qrPayload() != null) {
                g.drawRect(WIDTH / 2 - 80, y + 10, 160, 160);
                g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
                g.drawString("QR", WIDTH / 2 - 8, y + 95);
                g.drawString(t.qrPayload(), 10, y + 190);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int text(Graphics2D g, PrintedTicket.Line l, int y) {
        g.setFont(new Font(Font.DIALOG, Font.PLAIN, BASE * l.height()));
        java.awt.geom.AffineTransform saved = g.getTransform();
        int w = g.getFontMetrics().stringWidth(l.text()) * l.width() / l.height();
        int x = switch (l.align()) {
            case 1 -> (WIDTH - w) / 2;
            case 2 -> WIDTH - w;
            default -> 0;
        };
        int bottom = y + BASE * l.height();
        g.translate(Math.max(0, x), bottom);
        g.scale((double) l.width() / l.height(), 1);
        g.drawString(l.text(), 0, 0);
        g.setTransform(saved);
        return bottom + 6;
    }

    private static int image(BufferedImage img, PrintedTicket.Line l, int y) {
        boolean[][] dots = l.image();
        for (int r = 0; r < dots.length && y + r < img.getHeight(); r++) {
            for (int c = 0; c < dots[r].length && c < WIDTH; c++) {
                if (dots[r][c]) {
                    img.setRGB(c, y + r, 0);
                }
            }
        }
        return y + dots.length;
    }
}
