package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Central's answer to a {@link PhoneLookupRequest}, on {@code hallq/v1/<hall>/lookup/reply}.
 *
 * @param id            the request's id
 * @param found         central knows the customer
 * @param customerClass the hall's class code for the customer (e.g. VIP, GOTONE) when found; null otherwise
 */
public record PhoneLookupReply(@JsonProperty(required = true) int v,
                               @JsonProperty(required = true) String hall,
                               @JsonProperty(required = true) String id,
                               @JsonProperty(required = true) boolean found,
                               String customerClass,
                               @JsonProperty(required = true) Instant at) implements MqttMessage {

    static final Pattern CLASS = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public PhoneLookupReply {
        Require.version(v);
        Require.segment("hall", hall);
        PhoneLookupRequest.id(id);
        if (found) {
            Require.present("customerClass", customerClass);
        }
        if (customerClass != null && !CLASS.matcher(customerClass).matches()) {
            throw new IllegalArgumentException("field 'customerClass' must be 1..32 of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (!found && customerClass != null) {
            throw new IllegalArgumentException("field 'customerClass' must be null when not found");
        }
        Require.present("at", at);
    }
}
