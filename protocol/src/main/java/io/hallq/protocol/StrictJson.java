package io.hallq.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way hallq reads JSON that a stranger sent (MQTT commands; REST bodies can use it too): the bytes must
 * be bounded in size, valid UTF-8, exactly one JSON value (no trailing content), without duplicate keys, nested
 * at most {@link Limits#maxDepth} deep, and valid against the published JSON Schema (2020-12, the files under
 * {@code schemas/} on the classpath) with no coercion of types: {@code "5"} is not a number, {@code 1.5} not an
 * integer, and a schema's maximum is a maximum. Only then is the tree bound to a record. Thread-safe.
 *
 * <p>Every failure is a {@link MalformedMessageException} whose message names the field, e.g.
 * {@code field 'command.durationSeconds': integer found, number expected}... in the protocol's words:
 * {@code missing field 'command.enabled'}, {@code field 'v': unsupported version 2, expected 1}.
 */
public final class StrictJson {

    /**
     * Bounds on what is parsed at all.
     *
     * @param maxBytes       the largest message read
     * @param maxDepth       the deepest nesting of objects and arrays
     * @param maxStringChars the longest string value or key
     * @param integersOnly   every number must be written as an integer: no fraction, no exponent ({@code 60.0},
     *                       {@code 6e1}), for messages whose schema has no fractional number. (The JSON Schema
     *                       "integer" type takes 60.0, and so does the validator.)
     */
    public record Limits(int maxBytes, int maxDepth, int maxStringChars, boolean integersOnly) {
        /** Inbound commands: 16 KiB, 16 levels, strings up to 4,096 characters, integers only. */
        public static final Limits COMMANDS = new Limits(16 * 1024, 16, 4096, true);
    }

    /** Where the schema files live for an outside consumer: their $id prefix is mapped to the classpath. */
    public static final String SCHEMA_PREFIX = "https://hallq.io/schemas/v1/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(SCHEMA_PREFIX, "classpath:schemas/")));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    /**
     * Java semantics: an "integer" is an integer token ({@code 1e3} and {@code 1.0} are numbers, not integers);
     * formats (date-time) are asserted, not only annotations; messages in English whatever the machine's locale.
     */
    private static final com.networknt.schema.SchemaValidatorsConfig CONFIG =
            com.networknt.schema.SchemaValidatorsConfig.builder()
                    .pathType(com.networknt.schema.PathType.LEGACY)
                    .javaSemantics(true)
                    .typeLoose(false)
                    .formatAssertionsEnabled(true)
                    .locale(java.util.Locale.ENGLISH)
                    .build();

    private final JsonSchema schema;
    private final Limits limits;
    private final ObjectMapper parser;

    private StrictJson(JsonSchema schema, Limits limits) {
        this.schema = schema;
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringChars())
                        .maxNumberLength(32)
                        .maxNameLength(limits.maxStringChars())
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.parser = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** A reader for the schema file {@code schemaFile} (e.g. {@code command-request.json}). */
    public static StrictJson forSchema(String schemaFile, Limits limits) {
        JsonSchema s = SCHEMAS.computeIfAbsent(schemaFile,
                f -> FACTORY.getSchema(SchemaLocation.of(SCHEMA_PREFIX + f), CONFIG));
        return new StrictJson(s, limits);
    }

    /**
     * The tree of {@code bytes}, checked against the limits and the schema.
     *
     * @throws MalformedMessageException naming what is wrong
     */
    public JsonNode read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw malformed("empty message");
        }
        if (bytes.length > limits.maxBytes()) {
            throw malformed("message of " + bytes.length + " bytes, at most " + limits.maxBytes() + " are read");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw malformed("not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = parser.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw malformed("not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw malformed("unreadable: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw malformed("empty message");
        }
        if (limits.integersOnly()) {
            String fraction = firstFraction(tree, "");
            if (fraction != null) {
                throw malformed(fraction);
            }
        }
        List<String> errors = schema.validate(tree).stream().map(StrictJson::reason).sorted().distinct().toList();
        if (!errors.isEmpty()) {
            throw malformed(String.join("; ", errors.subList(0, Math.min(3, errors.size()))));
        }
        return tree;
    }

    /** The first number written with a fraction or exponent, as a reason naming its field; null when none. */
    private static String firstFraction(JsonNode node, String path) {
        if (node.isFloatingPointNumber()) {
            return "field '" + (path.isEmpty() ? "(root)" : path) + "': " + node + " is not an integer (numbers are"
                    + " written without a fraction or exponent)";
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstFraction(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String found = firstFraction(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A schema error in the protocol's words, naming the field as {@code command.profile[0].service}. */
    private static String reason(ValidationMessage m) {
        String at = field(m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString());
        String type = m.getType() == null ? "" : m.getType();
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        if (colon > 0 && text.startsWith("$")) {
            text = text.substring(colon + 2);
        }
        if ("required".equals(type) && m.getProperty() != null) {
            return "missing field '" + (at.isEmpty() ? "" : at + ".") + m.getProperty() + "'";
        }
        String where = at.isEmpty() ? "(root)" : at;
        if ("v".equals(where) && ("const".equals(type) || "type".equals(type))) {
            return "field 'v': unsupported version " + m.getInstanceNode() + ", expected 1";
        }
        if ("enum".equals(type) && where.endsWith("type")) {
            return "field '" + where + "': unknown type " + m.getInstanceNode();
        }
        return "field '" + where + "': " + text;
    }

    /** {@code $.command.profile[0].service} -> {@code command.profile[0].service}; the root is empty. */
    private static String field(String jsonPath) {
        String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static MalformedMessageException malformed(String reason) {
        return new MalformedMessageException(reason, null);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
