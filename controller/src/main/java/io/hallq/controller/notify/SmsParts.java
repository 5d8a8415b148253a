package io.hallq.controller.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into the short messages that carry it. Plain ASCII goes in the SMS centre's default alphabet (160
 * characters, 153 per part of a long message); anything else, Chinese above all, as UCS-2 (70 characters, 67 per
 * part). A long message carries a concatenation header (UDH, information element 00: 8-bit reference, parts, part
 * number) in every part, and the phone joins them.
 *
 * @param dataCoding the SMPP data_coding: 0x00 default alphabet, 0x08 UCS-2
 * @param parts      the short_message bytes of each part, header included when there is more than one part
 */
public record SmsParts(byte dataCoding, List<byte[]> parts) {

    public static final byte DEFAULT_ALPHABET = 0x00;
    public static final byte UCS2 = 0x08;
    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;
    /** At most this many parts: a reminder is short; a template that runs longer is cut. */
    static final int MAX_PARTS = 6;

    public SmsParts {
        parts = List.copyOf(parts);
    }

    public boolean concatenated() {
        return parts.size() > 1;
    }

    /** Encodes {@code text}; {@code reference} (0-255) ties the parts of one long message together. */
    public static SmsParts of(String text, int reference) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r');
        if (ascii) {
            return split(text, DEFAULT_ALPHABET, GSM_SINGLE, GSM_PART, reference, false);
        }
        return split(text, UCS2, UCS2_SINGLE, UCS2_PART, reference, true);
    }

    private static SmsParts split(String text, byte coding, int single, int part, int ref, boolean ucs2) {
        List<String> chunks = new ArrayList<>();
        if (text.length() <= single) {
            chunks.add(text);
        } else {
            int i = 0;
            while (i < text.length() && chunks.size() < MAX_PARTS) {
                int end = Math.min(text.length(), i + part);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // never split a character outside the basic plane between two parts
                }
                chunks.add(text.substring(i, end));
                i = end;
            }
        }
        List<byte[]> parts = new ArrayList<>();
        for (int n = 0; n < chunks.size(); n++) {
            byte[] body = chunks.get(n).getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
            if (chunks.size() == 1) {
                parts.add(body);
            } else {
                byte[] withHeader = new byte[6 + body.length];
                withHeader[0] = 0x05; // header length
                withHeader[1] = 0x00; // IE: concatenated short message, 8-bit reference
                withHeader[2] = 0x03; // IE length
                withHeader[3] = (byte) ref;
                withHeader[4] = (byte) chunks.size();
                withHeader[5] = (byte) (n + 1);
                System.arraycopy(body, 0, withHeader, 6, body.length);
                parts.add(withHeader);
            }
        }
        return new SmsParts(coding, parts);
    }

    /**
     * Joins received parts back into text (what a phone does): used by the emulator's SMS centre and the tests.
     * Each part's header, when present, is skipped by its length byte.
     */
    public static String decode(byte dataCoding, boolean udhi, byte[] shortMessage) {
        int start = udhi ? (shortMessage[0] & 0xff) + 1 : 0;
        return new String(shortMessage, start, shortMessage.length - start,
                dataCoding == UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }
}
