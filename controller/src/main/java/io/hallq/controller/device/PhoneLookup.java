package io.hallq.controller.device;

import io.hallq.protocol.PhoneNumber;
import java.util.Map;
import java.util.Optional;

/**
 * Which customer class a phone number belongs to (VIP, brand). For now a list in the hall config; a central
 * lookup over MQTT can take its place later.
 */
public interface PhoneLookup {

    /** The class code, or empty for the hall's default class. */
    Optional<String> classOf(PhoneNumber phone);

    /** A fixed list: phone number (11 digits) -> class code. */
    static PhoneLookup of(Map<String, String> classes) {
        Map<String, String> copy = Map.copyOf(classes);
        return phone -> Optional.ofNullable(copy.get(phone.digits()));
    }
}
