package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.MalformedMessageException;
import io.hallq.protocol.StrictJson;
import java.io.IOException;

/**
 * JSON encoding of the MQTT messages (same mapper settings as {@link EventCodec}: ISO times, unknown fields
 * tolerated). Decoding never throws for bad input: it returns {@link Decoded.Malformed} with a reason that
 * names the field. A {@link CommandRequest}, the one message a hall acts on, is read through {@link StrictJson}:
 * held strictly to command-request.json (no coercion, no trailing content, the schema's limits) before it is
 * bound. Thread-safe.
 */
public final class MqttCodec {

    /** The contract version carried in every message's {@code v}. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = EventCodec.newMapper();
    private static final StrictJson COMMANDS = StrictJson.forSchema("command-request.json",
            StrictJson.Limits.COMMANDS);

    private MqttCodec() {}

    public static byte[] encode(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message, e);
        }
    }

    public static <T> Decoded<T> decode(byte[] json, Class<T> type) {
        if (type == CommandRequest.class) {
            try {
                return new Decoded.Ok<>(MAPPER.treeToValue(COMMANDS.read(json), type));
            } catch (MalformedMessageException e) {
                return new Decoded.Malformed<>(e.getMessage());
            } catch (JsonProcessingException e) {
                return new Decoded.Malformed<>(reason(e));
            } catch (IllegalArgumentException e) {
                return new Decoded.Malformed<>(String.valueOf(e.getMessage()));
            }
        }
        try {
            T value = MAPPER.readValue(json, type);
            return value == null ? new Decoded.Malformed<>("empty message") : new Decoded.Ok<>(value);
        } catch (JsonProcessingException e) {
            return new Decoded.Malformed<>(reason(e));
        } catch (IOException e) {
            return new Decoded.Malformed<>("unreadable: " + e.getMessage());
        }
    }

    /** Decodes, or throws {@link IllegalArgumentException} with the reason: for tests and trusted input. */
    public static <T> T decodeOrThrow(byte[] json, Class<T> type) {
        return switch (decode(json, type)) {
            case Decoded.Ok<T> ok -> ok.value();
            case Decoded.Malformed<T> bad -> throw new IllegalArgumentException(bad.reason());
        };
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
            return prefixed(vie, vie.getCause().getMessage());
        }
        if (e instanceof InvalidTypeIdException itie) {
            return "field '" + path(itie, "type") + "': unknown type '" + itie.getTypeId() + "'";
        }
        if (e instanceof MismatchedInputException mie) {
            String msg = mie.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                String name = msg.replaceAll("^Missing required creator property '([^']*)'.*$", "$1");
                String p = path(mie, null);
                return "missing field '" + (p.equals(name) || p.endsWith("." + name) ? p : path(mie, name)) + "'";
            }
            if (msg.startsWith("Missing type id")) {
                return "missing field '" + path(mie, "type") + "'";
            }
            String target = mie.getTargetType() == null ? "value" : mie.getTargetType().getSimpleName();
            return "field '" + path(mie, null) + "': expected " + target.toLowerCase() + ", " + firstLine(msg);
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return "field '" + path(jme, null) + "': " + firstLine(jme.getOriginalMessage());
        }
        return "not valid JSON: " + firstLine(e.getOriginalMessage());
    }

    /** Nested records name their fields relative to the record; put the outer path in front. */
    private static String prefixed(JsonMappingException e, String message) {
        String outer = join(e.getPath());
        if (outer.isEmpty() || message.contains("'" + outer)) {
            return message;
        }
        return message.replaceFirst("'", "'" + outer + ".");
    }

    private static String path(JsonMappingException e, String leaf) {
        String p = join(e.getPath());
        if (leaf == null) {
            return p.isEmpty() ? "(root)" : p;
        }
        return p.isEmpty() ? leaf : p + "." + leaf;
    }

    /** {@code counters[0].status}: field names joined by dots, list indices in brackets. */
    private static String join(java.util.List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
