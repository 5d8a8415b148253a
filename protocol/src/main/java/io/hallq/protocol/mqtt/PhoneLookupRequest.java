package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The dispenser asks central for the customer class (brand, VIP) of a typed phone number, on
 * {@code hallq/v1/<hall>/lookup/request}; central answers on {@code hallq/v1/<hall>/lookup/reply} with the same
 * {@code id}. The number is never sent: {@code phoneHash} is HMAC-SHA256 of the digits under the hall's lookup key
 * (shared with central only), lower-case hex. The hall waits briefly ({@code mqtt.lookup.timeout}), then falls
 * back to its local list.
 *
 * @param id a fresh random id per request (UUID), to match the reply
 */
public record PhoneLookupRequest(@JsonProperty(required = true) int v,
                                 @JsonProperty(required = true) String hall,
                                 @JsonProperty(required = true) String id,
                                 @JsonProperty(required = true) String phoneHash,
                                 @JsonProperty(required = true) Instant at) implements MqttMessage {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public PhoneLookupRequest {
        Require.version(v);
        Require.segment("hall", hall);
        id(id);
        Require.present("phoneHash", phoneHash);
        if (!HASH.matcher(phoneHash).matches()) {
            throw new IllegalArgumentException("field 'phoneHash' must be 64 lower-case hex digits (HMAC-SHA256)");
        }
        Require.present("at", at);
    }

    static void id(String id) {
        Require.present("id", id);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("field 'id' must be 1..64 of A-Z, a-z, 0-9 and '-'");
        }
    }
}
