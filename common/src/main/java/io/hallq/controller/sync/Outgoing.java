package io.hallq.controller.sync;

/**
 * A message to publish; {@code correlationData} (with a response topic of null) is for command responses.
 */
public record Outgoing(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData) {

    public static Outgoing event(String topic, byte[] payload) {
        return new Outgoing(topic, payload, 1, false, null);
    }

    public static Outgoing retained(String topic, byte[] payload) {
        return new Outgoing(topic, payload, 1, true, null);
    }
}
