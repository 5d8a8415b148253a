package io.hallq.controller.device;

import io.hallq.protocol.PhoneNumber;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the operator's central systems for a typed phone number's customer class (brand, VIP), seed 001. The MQTT
 * module's {@code CentralPhoneLookup} sends a keyed hash of the number, never the number, and completes within its
 * short timeout: the dispenser never waits on the network for longer than that.
 */
public interface CentralLookup {

    /**
     * Completes with central's class code, or empty when central does not know the number, did not answer in time,
     * or cannot be asked (not connected, not configured). Never completes exceptionally.
     */
    CompletableFuture<Optional<String>> classOf(PhoneNumber phone);

    /** No central: always empty at once. */
    CentralLookup NONE = phone -> CompletableFuture.completedFuture(Optional.empty());

    /** Central first, then the local list, then nothing (the hall's default class: a walk-in). */
    static java.util.function.Function<PhoneNumber, CompletableFuture<Optional<String>>> thenLocal(CentralLookup central,
                                                                                                  PhoneLookup local) {
        return phone -> central.classOf(phone).handle((c, e) -> c != null && c.isPresent() ? c : local.classOf(phone));
    }
}
