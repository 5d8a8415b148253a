package io.hallq.emulator.devices;

import io.hallq.controller.ticket.EscPos;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ticket as the virtual printer decoded it from the ESC/POS bytes.
 *
 * @param lines the printed lines in order, text and raster images
 * @param qr    the last QR code printed on it, or null
 * @param cut   the ticket was cut off (the customer can take it)
 * @param paperDots the printable width of the paper it came out on: 384 dots on 58 mm, 576 on 80 mm
 */
public record PrintedTicket(List<Line> lines, Qr qr, boolean cut, int paperDots) {

    public PrintedTicket {
        lines = List.copyOf(lines);
    }

    /** A ticket on 80 mm paper. */
    public PrintedTicket(List<Line> lines, Qr qr, boolean cut) {
        this(lines, qr, cut, EscPos.paperDots(80));
    }

    /** One printed line: text with its size multipliers and alignment, or a raster image (text null). */
    public record Line(String text, int width, int height, int align, boolean[][] image) {
        public boolean isImage() {
            return image != null;
        }

        /** How wide it prints in dots: the printer's font A cells (12 dots, 24 for a Chinese character). */
        public int dots() {
            if (isImage()) {
                return image.length == 0 ? 0 : image[0].length;
            }
            int dots = 0;
            for (int i = 0; i < text.length(); i++) {
                dots += (text.charAt(i) < 0x80 ? 1 : 2) * EscPos.DOTS_PER_COLUMN * width;
            }
            return dots;
        }
    }

    /**
     * A QR code as the GS ( k commands asked for it.
     *
     * @param payload    the data stored (function 80) when it was printed (function 81)
     * @param moduleSize dots per module side (function 67, 1..16)
     * @param errorLevel error correction level L, M, Q or H (function 69)
     * @param align      the alignment (ESC a) it was printed with: 0 left, 1 centre, 2 right
     * @param atLine     how many lines were printed before it: it sits between lines {@code atLine - 1} and
     *                   {@code atLine}
     */
    public record Qr(String payload, int moduleSize, char errorLevel, int align, int atLine) {}

    /** The text stored by the last QR code printed on the ticket, or null when it has none. */
    public String qrPayload() {
        return qr == null ? null : qr.payload();
    }

    /** The text lines only, without size or alignment. */
    public List<String> texts() {
        return lines.stream().filter(l -> !l.isImage()).map(Line::text).toList();
    }

    /** True when some line is exactly {@code text} printed at the size given. */
    public boolean has(String text, int width, int height) {
        return lines.stream().anyMatch(l -> text.equals(l.text()) && l.width() == width && l.height() == height);
    }

    /** A plain-text rendering for logs: big lines marked with their size, images and the QR code as notes. */
    public String render() {
        String body = lines.stream().map(l -> l.isImage() ? "[image " + l.image()[0].length + "x" + l.image().length + "]"
                : (l.width() > 1 || l.height() > 1 ? "[" + l.width() + "x" + l.height() + "] " : "") + l.text())
                .collect(Collectors.joining("\n"));
        return body + (qr == null ? "" : "\n[QR " + qr.payload() + "]") + (cut ? "\n--- cut ---" : "");
    }
}
