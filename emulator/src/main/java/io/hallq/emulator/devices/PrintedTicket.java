package io.hallq.emulator.devices;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A ticket as the virtual printer decoded it from the ESC/POS bytes.
 *
 * @param lines     the printed lines in order, text and raster images
 * @param qrPayload the text stored by the last QR code printed on it, or null
 * @param cut       the ticket was cut off (the customer can take it)
 */
public record PrintedTicket(List<Line> lines, String qrPayload, boolean cut) {

    public PrintedTicket {
        lines = List.copyOf(lines);
    }

    /** One printed line: text with its size multipliers and alignment, or a raster image (text null). */
    public record Line(String text, int width, int height, int align, boolean[][] image) {
        public boolean isImage() {
            return image != null;
        }
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
        return body + (qrPayload == null ? "" : "\n[QR " + qrPayload + "]") + (cut ? "\n--- cut ---" : "");
    }
}
