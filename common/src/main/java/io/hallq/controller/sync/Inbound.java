package io.hallq.controller.sync;

/**
 * A message received from the broker, copied out of Paho's types; response fields are null when absent.
 * {@code retained} is set when the broker delivered a retained message (to a new subscription).
 */
public record Inbound(String topic, byte[] payload, String responseTopic, byte[] correlationData, boolean retained) {

    public Inbound(String topic, byte[] payload, String responseTopic, byte[] correlationData) {
        this(topic, payload, responseTopic, correlationData, false);
    }
}
