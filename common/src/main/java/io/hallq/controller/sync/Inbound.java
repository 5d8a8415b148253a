package io.hallq.controller.sync;

/** A message received from the broker, copied out of Paho's types; response fields are null when absent. */
public record Inbound(String topic, byte[] payload, String responseTopic, byte[] correlationData) {}
