package io.hallq.emulator.devices;

import io.hallq.controller.ticket.EscPos;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Decodes an ESC/POS byte stream as it arrives, the way a printer does: ESC @, ESC a, ESC d, GS !, FS &amp;,
 * FS ., text in the Chinese mode (GBK), GS ( k (QR model, size, error level, store, print), GS v 0 raster
 * images, GS V cut, and the real-time DLE EOT n status requests, which are answered at once. Bytes of an
 * incomplete command wait for the next write. An unknown command is an error: the virtual printer must not
 * guess what a real one would do.
 */
public final class EscPosDecoder {

    private static final Charset GBK = Charset.forName("GBK");
    /** An ESC/POS printer's QR settings until GS ( k functions 67 and 69 set them. */
    static final int QR_DEFAULT_MODULE_SIZE = 3;
    static final char QR_DEFAULT_LEVEL = 'L';

    private final IntConsumer statusRequest;
    private final List<PrintedTicket> completed = new ArrayList<>();
    private byte[] pending = new byte[0];
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private List<PrintedTicket.Line> lines = new ArrayList<>();
    private String qrStored;
    private PrintedTicket.Qr qrPrinted;
    private int qrModuleSize = QR_DEFAULT_MODULE_SIZE;
    private char qrLevel = QR_DEFAULT_LEVEL;
    private int width = 1;
    private int height = 1;
    private int align;
    private volatile int paperDots = EscPos.paperDots(80);

    /** @param statusRequest gets n of every DLE EOT n */
    public EscPosDecoder(IntConsumer statusRequest) {
        this.statusRequest = statusRequest;
    }

    /** The printable width of the paper loaded, in dots; the tickets cut from now on carry it. */
    public void paperDots(int dots) {
        paperDots = dots;
    }

    /** Feeds bytes; returns the tickets completed (cut) by them. */
    public List<PrintedTicket> feed(byte[] bytes) {
        byte[] all = new byte[pending.length + bytes.length];
        System.arraycopy(pending, 0, all, 0, pending.length);
        System.arraycopy(bytes, 0, all, pending.length, bytes.length);
        int pos = 0;
        while (pos < all.length) {
            int used = command(all, pos);
            if (used == 0) {
                break;
            }
            pos += used;
        }
        pending = java.util.Arrays.copyOfRange(all, pos, all.length);
        List<PrintedTicket> out = List.copyOf(completed);
        completed.clear();
        return out;
    }

    /** Bytes consumed by the command at {@code p}, or 0 when it is not complete yet. */
    private int command(byte[] b, int p) {
        int c = b[p] & 0xFF;
        int left = b.length - p;
        switch (c) {
            case 0x10 -> {
                if (left < 3) {
                    return 0;
                }
                expect(b[p + 1] == 0x04, b, p);
                statusRequest.accept(b[p + 2]);
                return 3;
            }
            case 0x0A -> {
                endLine();
                return 1;
            }
            case 0x1B -> {
                return esc(b, p, left);
            }
            case 0x1D -> {
                return gs(b, p, left);
            }
            case 0x1C -> {
                if (left < 2) {
                    return 0;
                }
                expect(b[p + 1] == '&' || b[p + 1] == '.', b, p);
                return 2;
            }
            default -> {
                expect(c >= 0x20, b, p);
                text.write(c);
                return 1;
            }
        }
    }

    private int esc(byte[] b, int p, int left) {
        if (left < 2) {
            return 0;
        }
        switch (b[p + 1]) {
            case '@' -> {
                width = height = 1;
                align = 0;
                return 2;
            }
            case 'a', 'd' -> {
                if (left < 3) {
                    return 0;
                }
                if (b[p + 1] == 'a') {
                    align = b[p + 2] % 48;
                }
                return 3;
            }
            default -> throw unknown(b, p);
        }
    }

    private int gs(byte[] b, int p, int left) {
        if (left < 2) {
            return 0;
        }
        switch (b[p + 1]) {
            case '!' -> {
                if (left < 3) {
                    return 0;
                }
                width = (b[p + 2] >> 4 & 0x07) + 1;
                height = (b[p + 2] & 0x07) + 1;
                return 3;
            }
            case 'V' -> {
                if (left < 3) {
                    return 0;
                }
                int m = b[p + 2] & 0xFF;
                int n = m >= 65 ? 4 : 3;
                if (left < n) {
                    return 0;
                }
                cut();
                return n;
            }
            case '(' -> {
                return qr(b, p, left);
            }
            case 'v' -> {
                return raster(b, p, left);
            }
            default -> throw unknown(b, p);
        }
    }

    /** GS ( k pL pH cn fn ...: the QR code functions (cn 49) a ticket uses. */
    private int qr(byte[] b, int p, int left) {
        if (left < 5) {
            return 0;
        }
        expect(b[p + 2] == 'k', b, p);
        int len = (b[p + 3] & 0xFF) | (b[p + 4] & 0xFF) << 8;
        if (left < 5 + len) {
            return 0;
        }
        expect(len >= 3 && b[p + 5] == 49, b, p);
        int fn = b[p + 6] & 0xFF;
        int n = b[p + 7] & 0xFF;
        switch (fn) {
            case 65 -> {
                if (n != 50) {
                    throw new IllegalArgumentException("GS ( k fn 65 at byte " + p + ": the virtual printer prints "
                            + "QR model 2 (50) only, not " + n);
                }
            }
            case 67 -> {
                if (n < 1 || n > 16) {
                    throw new IllegalArgumentException("GS ( k fn 67 at byte " + p + ": QR module size is 1..16 dots, not " + n);
                }
                qrModuleSize = n;
            }
            case 69 -> {
                if (n < 48 || n > 51) {
                    throw new IllegalArgumentException("GS ( k fn 69 at byte " + p
                            + ": QR error correction is 48..51 (L, M, Q, H), not " + n);
                }
                qrLevel = "LMQH".charAt(n - 48);
            }
            case 80 -> qrStored = new String(b, p + 8, len - 3, java.nio.charset.StandardCharsets.US_ASCII);
            case 81 -> {
                if (qrStored == null) {
                    throw new IllegalArgumentException("GS ( k fn 81 at byte " + p + ": print QR before any data was stored");
                }
                qrPrinted = new PrintedTicket.Qr(qrStored, qrModuleSize, qrLevel, align, lines.size());
            }
            default -> throw unknown(b, p);
        }
        return 5 + len;
    }

    private int raster(byte[] b, int p, int left) {
        if (left < 8) {
            return 0;
        }
        expect(b[p + 2] == '0', b, p);
        int bytesPerRow = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8;
        int rows = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
        int size = 8 + bytesPerRow * rows;
        if (left < size) {
            return 0;
        }
        boolean[][] image = new boolean[rows][bytesPerRow * 8];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < bytesPerRow * 8; x++) {
                image[y][x] = (b[p + 8 + y * bytesPerRow + x / 8] >> (7 - x % 8) & 1) != 0;
            }
        }
        lines.add(new PrintedTicket.Line(null, 1, 1, align, image));
        return size;
    }

    private void endLine() {
        lines.add(new PrintedTicket.Line(new String(text.toByteArray(), GBK), width, height, align, null));
        text.reset();
    }

    private void cut() {
        if (text.size() > 0) {
            endLine();
        }
        completed.add(new PrintedTicket(lines, qrPrinted, true, paperDots));
        lines = new ArrayList<>();
        qrStored = null;
        qrPrinted = null;
    }

    /** Forgets a half-printed ticket and pending bytes, as a printer does when a new roll is loaded. */
    public void reset() {
        pending = new byte[0];
        text.reset();
        lines = new ArrayList<>();
        qrStored = null;
        qrPrinted = null;
        qrModuleSize = QR_DEFAULT_MODULE_SIZE;
        qrLevel = QR_DEFAULT_LEVEL;
        width = height = 1;
        align = 0;
    }

    /** What is printed since the last cut: a ticket the printer has not finished. */
    public PrintedTicket unfinished() {
        return new PrintedTicket(lines, qrPrinted, false, paperDots);
    }

    private static void expect(boolean ok, byte[] b, int p) {
        if (!ok) {
            throw unknown(b, p);
        }
    }

    private static IllegalArgumentException unknown(byte[] b, int p) {
        StringBuilder hex = new StringBuilder();
        for (int i = p; i < Math.min(b.length, p + 4); i++) {
            hex.append(String.format("%02X ", b[i]));
        }
        return new IllegalArgumentException("not an ESC/POS command this printer knows at byte " + p + ": " + hex);
    }
}
