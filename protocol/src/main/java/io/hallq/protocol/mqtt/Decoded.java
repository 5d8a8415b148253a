package io.hallq.protocol.mqtt;

/** The outcome of decoding a message: the record, or why the bytes are not one (naming the field). */
public sealed interface Decoded<T> {

    record Ok<T>(T value) implements Decoded<T> {}

    record Malformed<T>(String reason) implements Decoded<T> {}
}
