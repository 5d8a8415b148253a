package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SmsPartsTest {

    private static String joined(SmsParts p) {
        return p.parts().stream().map(b -> SmsParts.decode(p.dataCoding(), p.concatenated(), b))
                .collect(Collectors.joining());
    }

    @Test
    void asciiText_goesInTheDefaultAlphabet_in160Characters() {
        SmsParts p = SmsParts.of("x".repeat(160), 1);
        assertEquals(SmsParts.DEFAULT_ALPHABET, p.dataCoding());
        assertEquals(1, p.parts().size());
    }

    @Test
    void chineseText_goesAsUcs2_andSplitsPast70Characters_withAConcatenationHeader() {
        String text = "您好".repeat(36); // 72 characters
        SmsParts p = SmsParts.of(text, 7);
        assertEquals(SmsParts.UCS2, p.dataCoding());
        assertEquals(2, p.parts().size());
        byte[] first = p.parts().get(0);
        assertEquals(6 + 67 * 2, first.length);
        assertEquals(7, first[3]);
        assertEquals(2, first[4]);
        assertEquals(1, first[5]);
        assertEquals(2, p.parts().get(1)[5]);
        assertEquals(text, joined(p));
    }

    @Test
    void longAsciiText_splitsIn153CharacterParts() {
        String text = "a".repeat(400);
        SmsParts p = SmsParts.of(text, 0);
        assertEquals(3, p.parts().size());
        assertEquals(text, joined(p));
    }

    @Test
    void aCharacterOutsideTheBasicPlane_isNeverSplitBetweenParts() {
        String text = "好".repeat(66) + "😀" + "好".repeat(10);
        SmsParts p = SmsParts.of(text, 0);
        assertEquals(text, joined(p));
    }
}
