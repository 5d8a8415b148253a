package io.hallq.controller.device;

/**
 * The phone number a customer types on the dispenser keypad before pressing a service button. Digits add,
 * '*' clears, '#' confirms (a number that is not 11 digits is dropped), and the number is forgotten after the
 * timeout without a key, so the next customer never gets it. Never logs the number.
 */
public final class PhoneEntry {

    private final long timeoutMs;
    private final StringBuilder digits = new StringBuilder();
    private long lastKeyMs;

    public PhoneEntry(java.time.Duration timeout) {
        this.timeoutMs = timeout.toMillis();
    }

    /** @return true when the key changed the entry */
    public boolean key(char key, long nowMs) {
        expire(nowMs);
        lastKeyMs = nowMs;
        switch (key) {
            case '*' -> digits.setLength(0);
            case '#' -> {
                if (!PhoneNumbers.valid(digits.toString())) {
                    digits.setLength(0);
                }
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
            digits.setLength(0);
        }
    }

    /** The complete number typed, or null; the entry is cleared either way. */
    public String take(long nowMs) {
        expire(nowMs);
        String phone = digits.toString();
        digits.setLength(0);
        return PhoneNumbers.valid(phone) ? phone : null;
    }

    /** What a display next to the keypad may show: the digits masked the same way as on the ticket. */
    public String shown() {
        return PhoneNumbers.mask(digits.toString());
    }
}
