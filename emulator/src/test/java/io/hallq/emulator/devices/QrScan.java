package io.hallq.emulator.devices;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a ticket PNG back the way a phone camera app would: ZXing's QR reader on the whole picture, trying
 * every candidate set of finder patterns (a single guess can take a stroke of the ticket's Chinese text for a
 * finder pattern, about one ticket in a hundred, and then misreads a well-formed symbol).
 */
public record QrScan(String text, String errorLevel, int finderWidth) {

    public static QrScan of(byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int w = img.getWidth();
        int h = img.getHeight();
        RGBLuminanceSource source = new RGBLuminanceSource(w, h, img.getRGB(0, 0, w, h, null, 0, w));
        Result r;
        try {
            r = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))[0];
        } catch (NotFoundException e) {
            throw new AssertionError("no readable QR code in the ticket PNG: " + e, e);
        }
        // QR result points: bottom-left, top-left, top-right finder centres (then alignment patterns)
        ResultPoint topLeft = r.getResultPoints()[1];
        return new QrScan(r.getText(), String.valueOf(r.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)),
                finderWidth(img, Math.round(topLeft.getX()), Math.round(topLeft.getY())));
    }

    /**
     * Width in pixels of the finder pattern around (x, y), its centre: the row through the centre reads
     * dark, light, dark (3 modules), light, dark, so the outer dark edges are 7 modules apart.
     */
    private static int finderWidth(BufferedImage img, int x, int y) {
        int left = x;
        for (int changes = 0; changes < 3; left--) {
            if (dark(img, left - 1, y) != dark(img, left, y)) {
                changes++;
            }
        }
        int right = x;
        for (int changes = 0; changes < 3; right++) {
            if (dark(img, right + 1, y) != dark(img, right, y)) {
                changes++;
            }
        }
        return right - left - 1;
    }

    private static boolean dark(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) & 0xFF) < 128;
    }
}
