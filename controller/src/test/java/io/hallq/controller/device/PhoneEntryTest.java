package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallq.protocol.PhoneNumber;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhoneEntryTest {

    private final PhoneEntry entry = new PhoneEntry(Duration.ofSeconds(30));

    private void type(String keys, long at) {
        for (char c : keys.toCharArray()) {
            entry.key(c, at);
        }
    }

    @Test
    void elevenDigits_areTaken_once() {
        type("13812341234", 0);
        assertEquals("138****1234", entry.shown());
        assertEquals(PhoneNumber.parse("13812341234"), entry.take(1000));
        assertNull(entry.take(1000));
    }

    @Test
    void star_clears_andIncompleteNumbers_areDropped() {
        type("138*139", 0);
        assertNull(entry.take(10));
        type("1381234#", 0);
        assertEquals("", entry.shown());
    }

    @Test
    void timeout_forgetsTheNumber_soTheNextCustomerDoesNotGetIt() {
        type("13812341234", 0);
        assertNull(entry.take(30_000));
    }

    @Test
    void mask_keepsThreeAndFour() {
        assertEquals("139****0001", PhoneNumber.mask("13900000001"));
        assertEquals("****", PhoneNumber.mask("1234"));
    }

    @Test
    void aTypedNumber_bringsSmsReminders_unlessDeclinedWithD() {
        type("13812341234#", 0);
        assertEquals(new PhoneEntry.Typed(PhoneNumber.parse("13812341234"), false), entry.takeEntry(100));
        type("13812341234", 0);
        entry.key(PhoneEntry.DECLINE_KEY, 0);
        assertEquals(new PhoneEntry.Typed(PhoneNumber.parse("13812341234"), true), entry.takeEntry(100));
    }

    @Test
    void hashTwiceAfterACompleteNumber_declinesSmsReminders_andStarStartsAfresh() {
        type("13812341234##", 0);
        assertTrue(entry.smsDeclined());
        type("*13812341234#", 0);
        assertEquals(new PhoneEntry.Typed(PhoneNumber.parse("13812341234"), false), entry.takeEntry(100));
    }
}
