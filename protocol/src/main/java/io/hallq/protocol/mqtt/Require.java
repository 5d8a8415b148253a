package io.hallq.protocol.mqtt;

import io.hallq.protocol.Fields;
import java.util.Collection;
import java.util.Map;

/** Field checks used by the message records' constructors; the message names the field. */
final class Require {

    private Require() {}

    static int version(Integer v) {
        if (v == null) {
            throw new IllegalArgumentException("missing field 'v'");
        }
        if (v != MqttCodec.VERSION) {
            throw new IllegalArgumentException("field 'v': unsupported version " + v + ", expected "
                    + MqttCodec.VERSION);
        }
        return v;
    }

    static <T> T present(String field, T value) {
        return Fields.present(field, value);
    }

    static String text(String field, String value) {
        return Fields.text(field, value);
    }

    static String segment(String field, String value) {
        present(field, value);
        if (!Topics.isSegment(value)) {
            throw new IllegalArgumentException("field '" + field + "' must be a-z, 0-9 and '-', got '" + value + "'");
        }
        return value;
    }

    static long atLeast(String field, Long value, long min) {
        present(field, value);
        if (value < min) {
            throw new IllegalArgumentException("field '" + field + "' must be at least " + min + ", got " + value);
        }
        return value;
    }

    static <T> java.util.List<T> list(String field, Collection<T> value) {
        return java.util.List.copyOf(present(field, value));
    }

    static <K, V> Map<K, V> map(String field, Map<K, V> value) {
        return Map.copyOf(present(field, value));
    }
}
