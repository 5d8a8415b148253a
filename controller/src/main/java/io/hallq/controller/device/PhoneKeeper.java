package io.hallq.controller.device;

import io.hallq.protocol.PhoneNumber;

/**
 * Where the dispenser hands a typed phone number for SMS reminders, with the token its ticket will get, before the
 * ticket is issued (the notification module's encrypted vault). Called on the dispenser's scan thread: must not
 * block for long. Never given a number whose customer declined the reminders.
 */
@FunctionalInterface
public interface PhoneKeeper {

    PhoneKeeper NONE = (token, phone) -> { };

    void keep(String token, PhoneNumber phone);

    /**
     * What the paper ticket with {@code token} says about its SMS reminder ({zh, en}), or empty when none will be
     * sent (no number, declined, notifications off). Called on the printing thread.
     */
    default java.util.Optional<String[]> ticketNote(String token) {
        return java.util.Optional.empty();
    }
}
