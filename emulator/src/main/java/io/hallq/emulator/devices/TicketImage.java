package io.hallq.emulator.devices;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.hallq.controller.ticket.EscPos;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a decoded ticket as a PNG the width of its paper (576 dots on 80 mm, 384 on 58 mm; one pixel per
 * printer dot): text at its
 * size and alignment, raster lines dot for dot, and the QR code as a real, scannable symbol where the stream
 * printed it, encoded by ZXing with the module size and error correction level the GS ( k commands asked
 * for (the module size shrinks only when the symbol would not fit the paper), with the standard quiet zone.
 */
public final class TicketImage {

    private static final int BASE = 24;
    /** Modules of white around a QR symbol (ISO/IEC 18004). */
    private static final int QUIET_ZONE = 4;

    private TicketImage() {}

    /**
     * @throws IllegalArgumentException when the ticket's QR payload does not fit any QR code at its level
     */
    public static byte[] png(PrintedTicket t) {
        int width = t.paperDots();
        Symbol qr = t.qr() == null ? null : symbol(t.qr(), width);
        int height = 40 + (qr == null ? 0 : qr.side() + 12);
        for (PrintedTicket.Line l : t.lines()) {
            height += l.isImage() ? l.image().length : BASE * l.height() + 6;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            int y = 20;
            for (int i = 0; i <= t.lines().size(); i++) {
                if (qr != null && t.qr().atLine() == i) {
                    y = qr.draw(img, t.qr().align(), y);
                }
                if (i < t.lines().size()) {
                    PrintedTicket.Line l = t.lines().get(i);
                    y = l.isImage() ? image(img, l, y) : text(g, l, y, width);
                }
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

    /** The modules of a QR code and the dots per module it is drawn with. */
    private record Symbol(ByteMatrix modules, int dots) {

        int side() {
            return (modules.getWidth() + 2 * QUIET_ZONE) * dots;
        }

        int draw(BufferedImage img, int align, int y) {
            int x = switch (align) {
                case 1 -> (img.getWidth() - side()) / 2;
                case 2 -> img.getWidth() - side();
                default -> 0;
            };
            int origin = QUIET_ZONE * dots;
            for (int r = 0; r < modules.getHeight(); r++) {
                for (int c = 0; c < modules.getWidth(); c++) {
                    if (modules.get(c, r) == 1) {
                        for (int dy = 0; dy < dots; dy++) {
                            for (int dx = 0; dx < dots; dx++) {
                                img.setRGB(x + origin + c * dots + dx, y + origin + r * dots + dy, 0);
                            }
                        }
                    }
                }
            }
            return y + side() + 6;
        }
    }

    private static Symbol symbol(PrintedTicket.Qr qr, int width) {
        ErrorCorrectionLevel level = ErrorCorrectionLevel.valueOf(String.valueOf(qr.errorLevel()));
        QRCode code;
        try {
            code = Encoder.encode(qr.payload(), level);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the QR payload of " + qr.payload().length()
                    + " characters does not fit a QR code at level " + level + ": " + e.getMessage(), e);
        }
        ByteMatrix modules = code.getMatrix();
        int widest = width / (modules.getWidth() + 2 * QUIET_ZONE);
        return new Symbol(modules, Math.max(1, Math.min(qr.moduleSize(), widest)));
    }

    /**
     * A text line on the printer's grid: each character in its font A cell (12 dots wide, 24 for a Chinese
     * character, times the width multiplier), the glyph narrowed when the screen font draws it wider, so the
     * picture is as wide as the printed line and a line too wide for the paper runs off it as on paper.
     */
    private static int text(Graphics2D g, PrintedTicket.Line l, int y, int width) {
        Font font = new Font(Font.DIALOG, Font.PLAIN, BASE * l.height());
        g.setFont(font);
        java.awt.FontMetrics metrics = g.getFontMetrics();
        int x = switch (l.align()) {
            case 1 -> (width - l.dots()) / 2;
            case 2 -> width - l.dots();
            default -> 0;
        };
        x = Math.max(0, x);
        int bottom = y + BASE * l.height();
        java.awt.geom.AffineTransform saved = g.getTransform();
        for (int i = 0; i < l.text().length(); i++) {
            char c = l.text().charAt(i);
            int cell = (c < 0x80 ? 1 : 2) * EscPos.DOTS_PER_COLUMN * l.width();
            int glyph = Math.max(1, metrics.charWidth(c));
            double sx = Math.min((double) cell / glyph, (double) l.width() / l.height());
            g.translate(x + (cell - glyph * sx) / 2, bottom);
            g.scale(sx, 1);
            g.drawString(String.valueOf(c), 0, 0);
            g.setTransform(saved);
            x += cell;
        }
        return bottom + 6;
    }

    private static int image(BufferedImage img, PrintedTicket.Line l, int y) {
        boolean[][] dots = l.image();
        for (int r = 0; r < dots.length && y + r < img.getHeight(); r++) {
            for (int c = 0; c < dots[r].length && c < img.getWidth(); c++) {
                if (dots[r][c]) {
                    img.setRGB(c, y + r, 0);
                }
            }
        }
        return y + dots.length;
    }
}
