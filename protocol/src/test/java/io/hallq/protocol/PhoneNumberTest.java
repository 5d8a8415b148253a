package io.hallq.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void parse_acceptsElevenDigitsStartingWithOne_only() {
        assertEquals("13812345678", PhoneNumber.parse("13812345678").digits());
        for (String bad : new String[] {"", "1381234567", "138123456789", "23812345678", "138 1234 5678",
                "+8613812345678", "1381234567x", "１3812345678"}) {
            assertFalse(PhoneNumber.isValid(bad), bad);
            assertTrue(PhoneNumber.tryParse(bad).isEmpty(), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(bad));
            assertEquals("expected an 11-digit mobile number starting with 1", e.getMessage());
        }
        assertFalse(PhoneNumber.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(null));
    }

    @Test
    void rejection_neverRepeatsTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhoneNumber.parse("1381234567800"));
        assertFalse(e.getMessage().contains("13812345678"), e.getMessage());
    }

    @Test
    void masked_showsThreeAndFourDigits_andToStringIsMasked() {
        PhoneNumber p = PhoneNumber.parse("13812341234");
        assertEquals("138****1234", p.masked());
        assertEquals("138****1234", p.toString());
        assertEquals("Holder[138****1234]", "Holder[" + p + "]");
    }

    @Test
    void mask_ofPartialText_keepsTheDigitCount() {
        assertEquals("138****5678", PhoneNumber.mask("138 1234 5678"));
        assertEquals("139****0001", PhoneNumber.mask("13900000001"));
        assertEquals("****", PhoneNumber.mask("1234"));
        assertEquals("123*5678", PhoneNumber.mask("12345678"));
        assertEquals("", PhoneNumber.mask(""));
        assertNull(PhoneNumber.mask(null));
    }

    @Test
    void ensureMasked_masksOnlyClearRuns() {
        assertEquals("138****5678", PhoneNumber.ensureMasked("13812345678"));
        assertEquals("138****5678", PhoneNumber.ensureMasked("138****5678"));
        assertEquals("staff-1", PhoneNumber.ensureMasked("staff-1"));
        assertNull(PhoneNumber.ensureMasked(null));
    }

    @Test
    void keyedHash_isStable_perKey_andHex() {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        String h = PhoneNumber.parse("13812345678").keyedHash(key);
        assertEquals(64, h.length());
        assertTrue(h.matches("[0-9a-f]{64}"), h);
        assertEquals(h, PhoneNumber.parse("13812345678").keyedHash(key));
        assertNotEquals(h, PhoneNumber.parse("13812345678").keyedHash("other".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(h, PhoneNumber.parse("13812345679").keyedHash(key));
    }

    @Test
    void equality_isByDigits() {
        assertEquals(PhoneNumber.parse("13812345678"), PhoneNumber.parse("13812345678"));
        assertEquals(PhoneNumber.parse("13812345678").hashCode(), PhoneNumber.parse("13812345678").hashCode());
        assertNotEquals(PhoneNumber.parse("13812345678"), PhoneNumber.parse("13812345679"));
    }

    @Property(tries = 500)
    void everyValidNumber_parses_andItsMaskHidesTheMiddle(
            @ForAll @LongRange(min = 10_000_000_000L, max = 19_999_999_999L) long n) {
        String text = Long.toString(n);
        PhoneNumber p = PhoneNumber.parse(text);
        assertEquals(text, p.digits());
        assertEquals(text.substring(0, 3) + "****" + text.substring(7), p.masked());
        assertFalse(p.toString().contains(text));
        assertEquals(p.masked(), PhoneNumber.ensureMasked(text));
    }

    @Property(tries = 500)
    void mask_neverShowsMoreThanSevenDigits(@ForAll @StringLength(max = 40) String text) {
        String m = PhoneNumber.mask(text);
        assertTrue(m.chars().filter(Character::isDigit).count() <= 7, m);
        assertTrue(PhoneNumber.ensureMasked(text).chars().filter(c -> c >= '0' && c <= '9').count() <= 7
                || !text.matches("(?s).*\\d{8,}.*"), text);
    }
}
