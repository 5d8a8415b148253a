package io.hallq.controller.ticket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/**
 * Builds an ESC/POS byte stream for a thermal printer with a Chinese font (GB2312/GBK, as on common 58 and
 * 80 mm printers). Text goes out in the printer's Chinese mode (FS &amp;) as GBK bytes; a line holding a
 * character GBK cannot encode is printed as a raster image (GS v 0) instead, so nothing prints as '?'. Lines
 * are broken to the paper ({@link TextWrap}) before they go out, so the printer never wraps one in the middle
 * of a word.
 */
public final class EscPos {

    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte FS = 0x1C;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;
    public static final Charset CHINESE = Charset.forName("GBK");

    /** Dots of one column of the printer's standard font (font A, 12 x 24): a Chinese character takes two. */
    public static final int DOTS_PER_COLUMN = 12;

    /** Horizontal alignment (ESC a n). */
    public enum Align { LEFT, CENTER, RIGHT }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final int paperDots;
    private int width = 1;
    private int height = 1;

    /** @param paperDots printable width in dots: {@link #paperDots(int)} */
    public EscPos(int paperDots) {
        this.paperDots = paperDots;
    }

    /** The printable width of paper {@code mm} wide at 203 dpi: 384 dots on 58 mm paper, 576 on 80 mm. */
    public static int paperDots(int mm) {
        return switch (mm) {
            case 58 -> 384;
            case 80 -> 576;
            default -> throw new IllegalArgumentException("paper is 58 or 80 mm wide, not " + mm);
        };
    }

    /** Columns of a line at the current character width: 32 on 58 mm paper, 48 on 80 mm, half that at 2x. */
    public int columns() {
        return paperDots / DOTS_PER_COLUMN / width;
    }

    /** The text fits on one line at the current character width. */
    public boolean fits(String text) {
        return TextWrap.columns(text) <= columns();
    }

    /** ESC @: reset to defaults, then FS &amp;: Chinese mode on. */
    public EscPos init() {
        return raw(ESC, '@', FS, '&');
    }

    public EscPos align(Align a) {
        return raw(ESC, 'a', a.ordinal());
    }

    /** GS ! n: character width and height multipliers, 1..8 each. */
    public EscPos size(int w, int h) {
        if (w < 1 || w > 8 || h < 1 || h > 8) {
            throw new IllegalArgumentException("size is 1..8 x 1..8, not " + w + "x" + h);
        }
        width = w;
        height = h;
        return raw(GS, '!', (w - 1) << 4 | (h - 1));
    }

    /**
     * Text, broken into lines that fit the paper at the current width ({@link TextWrap}), each ended with LF; a
     * line GBK cannot encode becomes a raster image.
     */
    public EscPos line(String text) {
        for (String l : TextWrap.lines(text, columns())) {
            byte[] encoded = encode(l);
            if (encoded == null) {
                raster(TextRaster.render(l, paperDots, 24 * height));
            } else {
                out.writeBytes(encoded);
                raw(LF);
            }
        }
        return this;
    }

    /** GS v 0: a raster image, 1 bit per dot, bit 7 = leftmost dot of each byte. */
    public EscPos raster(TextRaster.Image image) {
        int bytesPerRow = image.bytesPerRow();
        raw(GS, 'v', '0', 0, bytesPerRow & 0xFF, bytesPerRow >> 8, image.rows() & 0xFF, image.rows() >> 8);
        out.writeBytes(image.data());
        return this;
    }

    /**
     * A QR code (model 2) holding {@code payload}: GS ( k with function 65 (model), 67 (module size),
     * 69 (error correction M), 80 (store the data) and 81 (print it).
     */
    public EscPos qr(String payload, int moduleSize) {
        byte[] data = payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        qrFunction(65, 50, 0);
        qrFunction(67, moduleSize);
        qrFunction(69, 49);
        int len = data.length + 3;
        raw(GS, '(', 'k', len & 0xFF, len >> 8, 49, 80, 48);
        out.writeBytes(data);
        return qrFunction(81, 48);
    }

    private EscPos qrFunction(int fn, int... params) {
        int len = params.length + 2;
        raw(GS, '(', 'k', len & 0xFF, len >> 8, 49, fn);
        for (int p : params) {
            out.write(p);
        }
        return this;
    }

    /** ESC d n: feed n lines. */
    public EscPos feed(int lines) {
        return raw(ESC, 'd', lines);
    }

    /** GS V 66 n: feed n dots to the cutter and cut, leaving a hinge (partial cut). */
    public EscPos cut() {
        return raw(GS, 'V', 66, 0);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private EscPos raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** GBK bytes of the text, or null when a character cannot be encoded. */
    static byte[] encode(String text) {
        CharsetEncoder enc = CHINESE.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The real-time status request DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause, 4 paper). */
    public static byte[] statusRequest(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }
}
