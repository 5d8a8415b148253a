package io.hallq.controller.device;

import io.hallq.protocol.PhoneNumber;

/**
 * The phone number a customer types on the dispenser keypad before pressing a service button. Digits add,
 * '*' clears, '#' confirms (a number that is not 11 digits is dropped), and the number is forgotten after the
 * timeout without a key, so the next customer never gets it. Never logs the number.
 *
 * <p>A typed number also brings SMS reminders (the ticket says so). The customer declines them with
 * {@link #DECLINE_KEY} ('D' on a 4x4 keypad) or by pressing '#' a second time after a complete number.
 */
public final class PhoneEntry {

    private final long timeoutMs;
    private final StringBuilder digits = new StringBuilder();
    private long lastKeyMs;
    private boolean confirmed;
    private boolean smsDeclined;

    /** The key that declines SMS reminders for the number typed. */
    public static final char DECLINE_KEY = 'D';

    /** What was typed: the number (or null) and whether the customer declined SMS reminders. */
    public record Typed(PhoneNumber phone, boolean smsDeclined) {}

    public PhoneEntry(java.time.Duration timeout) {
        this.timeoutMs = timeout.toMillis();
    }

    /** @return true when the key changed the entry */
    public boolean key(char key, long nowMs) {
        expire(nowMs);
        lastKeyMs = nowMs;
        switch (key) {
            case '*' -> clear();
            case '#' -> {
                if (!PhoneNumber.isValid(digits.toString())) {
                    clear();
                } else if (confirmed) {
                    smsDeclined = true;
                } else {
                    confirmed = true;
                }
            }
            case DECLINE_KEY -> {
                if (digits.isEmpty()) {
                    return false;
                }
                smsDeclined = true;
            }
            default -> {
                if (key < '0' || key > '9' || digits.length() >= 11) {
                    return false;
                }
                digits.append(key);
            }
        }
        return true;
    }

    /** Clears the entry when its timeout passed; call on every scan. */
    public void expire(long nowMs) {
        if (!digits.isEmpty() && nowMs - lastKeyMs >= timeoutMs) {
            clear();
        }
    }

    /** The complete number typed, or null; the entry is cleared either way. */
    public PhoneNumber take(long nowMs) {
        return takeEntry(nowMs).phone();
    }

    /** The complete number typed (or null) and whether SMS reminders were declined; the entry is cleared. */
    public Typed takeEntry(long nowMs) {
        expire(nowMs);
        String phone = digits.toString();
        boolean declined = smsDeclined;
        clear();
        return PhoneNumber.tryParse(phone).map(p -> new Typed(p, declined)).orElse(new Typed(null, false));
    }

    /** True when the customer declined SMS reminders for the number being typed. */
    public boolean smsDeclined() {
        return smsDeclined;
    }

    private void clear() {
        digits.setLength(0);
        confirmed = false;
        smsDeclined = false;
    }

    /** What a display next to the keypad may show: the digits masked the same way as on the ticket. */
    public String shown() {
        return PhoneNumber.mask(digits);
    }
}
