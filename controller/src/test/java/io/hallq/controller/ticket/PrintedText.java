package io.hallq.controller.ticket;

import java.io.ByteArrayOutputStream;

/** Reading ticket text back out of the bytes a printer gets. */
public final class PrintedText {

    private PrintedText() {}

    /** True when the bytes print {@code text} as one line (GBK, then LF). */
    public static boolean prints(byte[] bytes, String text) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(EscPos.encode(text));
        line.write(EscPos.LF);
        byte[] needle = line.toByteArray();
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
