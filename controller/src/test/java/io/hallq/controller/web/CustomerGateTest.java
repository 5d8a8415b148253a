package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.protocol.PhoneNumber;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The booking page's phone check: codes bounded in tries and lifetime, limits per phone, address and hall. */
class CustomerGateTest {

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    private final CustomerGate gate = new CustomerGate(CustomerGate.Limits.DEFAULT, clock);
    private static final PhoneNumber PHONE = PhoneNumber.parse("13812345678");

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theRightCode_givesATokenForThePhone_once() {
        String code = gate.newCode(PHONE, "10.0.0.1").value();
        assertTrue(code.matches("[0-9]{6}"), code);
        CustomerGate.Answer<String> token = gate.verify(PHONE, code);
        assertTrue(token.allowed());
        assertEquals(PHONE, gate.verified(token.value()).orElseThrow().phone());
        assertEquals("NO_CODE", gate.verify(PHONE, code).refusal(), "a code is used up by its first success");
    }

    @Test
    void aCodeIsVoidAfterFiveWrongTries_evenWhenTheSixthIsRight() {
        String code = gate.newCode(PHONE, "10.0.0.1").value();
        for (int i = 1; i <= 4; i++) {
            CustomerGate.Answer<String> a = gate.verify(PHONE, wrong(code));
            assertEquals("WRONG_CODE", a.refusal());
            assertTrue(a.message().contains((5 - i) + " tries left"), a.message());
        }
        assertEquals("TOO_MANY_TRIES", gate.verify(PHONE, wrong(code)).refusal());
        assertEquals("NO_CODE", gate.verify(PHONE, code).refusal());
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = gate.newCode(PHONE, "10.0.0.1").value();
        clock.advance(Duration.ofMinutes(5));
        assertEquals("NO_CODE", gate.verify(PHONE, code).refusal());
    }

    @Test
    void aTokenExpiresAfterThirtyMinutes_andCanBeEnded() {
        String token = gate.verify(PHONE, gate.newCode(PHONE, "a").value()).value();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(gate.verified(token).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(gate.verified(token).isEmpty());
        clock.advance(Duration.ofMinutes(1));
        String other = gate.verify(PHONE, gate.newCode(PHONE, "a").value()).value();
        gate.forget(other);
        assertTrue(gate.verified(other).isEmpty());
        assertTrue(gate.verified("unknown-token-xxxxxxxx").isEmpty());
    }

    @Test
    void onePhone_getsOneCodeAMinute_andFiveAnHour() {
        assertTrue(gate.newCode(PHONE, "a").allowed());
        CustomerGate.Answer<String> again = gate.newCode(PHONE, "b");
        assertEquals("RATE_LIMITED", again.refusal());
        assertEquals(60, again.retryAfter().toSeconds());
        for (int i = 1; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertTrue(gate.newCode(PHONE, "addr" + i).allowed(), "code " + (i + 1));
        }
        clock.advance(Duration.ofSeconds(61));
        CustomerGate.Answer<String> sixth = gate.newCode(PHONE, "c");
        assertEquals("RATE_LIMITED", sixth.refusal());
        assertTrue(sixth.message().contains("5 codes an hour per number"), sixth.message());
        assertTrue(sixth.retryAfter().toMinutes() >= 5, sixth.retryAfter().toString());
        clock.advance(sixth.retryAfter());
        assertTrue(gate.newCode(PHONE, "c").allowed(), "the allowance comes back with time");
    }

    @Test
    void oneAddress_getsTenCodesAnHour_whateverTheNumbers() {
        for (int i = 0; i < 10; i++) {
            assertTrue(gate.newCode(PhoneNumber.parse("1390000000" + i), "10.0.0.9").allowed());
        }
        CustomerGate.Answer<String> eleventh = gate.newCode(PhoneNumber.parse("13700000000"), "10.0.0.9");
        assertEquals("RATE_LIMITED", eleventh.refusal());
        assertTrue(eleventh.message().contains("from one address"), eleventh.message());
        assertTrue(gate.newCode(PhoneNumber.parse("13700000000"), "10.0.0.10").allowed(), "another address may");
    }

    @Test
    void theWholeHall_sendsAtMostThirtyCodesAMinute() {
        for (int i = 0; i < 30; i++) {
            assertTrue(gate.newCode(PhoneNumber.parse(String.format("136%08d", i)), "10.1." + i).allowed());
        }
        CustomerGate.Answer<String> busy = gate.newCode(PhoneNumber.parse("13500000000"), "10.2.0.1");
        assertEquals("BUSY", busy.refusal());
        clock.advance(busy.retryAfter());
        assertTrue(gate.newCode(PhoneNumber.parse("13500000000"), "10.2.0.1").allowed());
    }

    @Test
    void changes_areLimitedPerPhoneAndPerAddress() {
        for (int i = 0; i < 10; i++) {
            assertTrue(gate.action(PHONE, "p" + i).allowed());
        }
        assertEquals("RATE_LIMITED", gate.action(PHONE, "p99").refusal());
        for (int i = 0; i < 30; i++) {
            assertTrue(gate.action(PhoneNumber.parse(String.format("133%08d", i)), "shared").allowed());
        }
        CustomerGate.Answer<Void> a = gate.action(PhoneNumber.parse("13200000000"), "shared");
        assertEquals("RATE_LIMITED", a.refusal());
        assertTrue(a.message().contains("one address"), a.message());
    }

    @Test
    void memoryIsBounded_underAFloodOfNumbersAndAddresses() {
        CustomerGate small = new CustomerGate(new CustomerGate.Limits(Duration.ofMinutes(5), 5, Duration.ofSeconds(60),
                5, 10, 1_000_000, Duration.ofMinutes(30), 10, 30, 100), clock);
        for (int i = 0; i < 5_000; i++) {
            PhoneNumber p = PhoneNumber.parse(String.format("131%08d", i));
            String code = small.newCode(p, "addr-" + i).value();
            small.verify(p, code);
            small.action(p, "other-" + i);
        }
        assertTrue(small.size() <= 300, small.size() + " entries");
    }

    @Test
    void noRefusalOrTokenHoldsTheNumberInClear() {
        gate.newCode(PHONE, "a");
        CustomerGate.Answer<String> again = gate.newCode(PHONE, "a");
        assertFalse(again.message().contains("13812345678"));
        String token = gate.verify(PHONE, gate.newCode(PhoneNumber.parse("13812345679"), "b").value()).message();
        assertFalse(String.valueOf(token).contains("1381234567"));
        CustomerGate.Verified v = new CustomerGate.Verified(PHONE, clock.instant());
        assertFalse(v.toString().contains("13812345678"), v.toString());
    }
}
