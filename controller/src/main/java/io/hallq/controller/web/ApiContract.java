package io.hallq.controller.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.hallq.controller.web.WebConfig.Role;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The REST API's contract, {@code openapi.yaml}, enforced on every {@code /api/*} request before any handler
 * runs, by one mechanism instead of checks in each handler:
 * <ul>
 *   <li>the route must be in the contract (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED);</li>
 *   <li>the operation's {@code x-roles} are checked (401 LOGIN_REQUIRED, 403 FORBIDDEN); an operation without
 *       {@code x-roles} must say {@code x-public: true}, else the contract does not load;</li>
 *   <li>path, query and header parameters are parsed strictly (an integer is digits, nothing else) and held to
 *       their schemas (400 BAD_REQUEST);</li>
 *   <li>a request body must be {@code application/json} (415), is parsed strictly (no trailing content, no
 *       duplicate keys, bounded nesting) and validated against its schema with the networknt validator, which
 *       never coerces ("60" is not an integer, 1.5 is not an integer); an operation without a request body
 *       takes none.</li>
 * </ul>
 * The parsed body is left on the context for {@link Json#body}. Tests use {@link #responseSchema} to hold the
 * answers to the same contract.
 */
final class ApiContract {

    static final String BODY_KEY = "hallq.validBody";

    /** Requests are parsed strictly: the first JSON value must be the whole body. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(16 * 1024).maxNumberLength(32).build());
    }

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** A parameter: where it is, and its schema. */
    record Param(String name, String in, boolean required, String type, JsonSchema schema) {}

    /**
     * One operation of the contract. {@code responses} holds the answers' schemas as written (with the document's
     * components beside them); they are compiled only when asked for ({@link #responseSchema}: the tests hold the
     * answers to the contract, the running hall never validates its own answers), which keeps about a thousand
     * validator objects of the 115 answers out of the controller's heap.
     */
    record Operation(HttpMethod method, String path, Pattern regex, List<String> pathNames, List<Param> params,
                     JsonSchema body, List<Role> roles, String action, Map<String, JsonNode> responses) {
        boolean isPublic() {
            return roles == null;
        }
    }

    private final List<Operation> operations;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<JsonNode, JsonSchema> compiledResponses = new java.util.concurrent.ConcurrentHashMap<>();

    private final JsonNode components;

    private ApiContract(List<Operation> operations, JsonSchemaFactory factory, SchemaValidatorsConfig config,
                        JsonNode components) {
        this.operations = operations;
        this.factory = factory;
        this.config = config;
        this.components = components;
    }

    /** The contract served at {@code /openapi.yaml}. */
    static ApiContract load() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream("web/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("web/openapi.yaml is not on the class path");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiContract parse(JsonNode doc) {
        // each schema is compiled with the document's components beside it (its $refs point there); the OpenAPI
        // 3.0 meta-schema does not know that key, and networknt warned "Unknown keyword components" at every start
        com.networknt.schema.JsonMetaSchema oas = com.networknt.schema.JsonMetaSchema.builder(OpenApi30.getInstance())
                .keyword(new com.networknt.schema.NonValidationKeyword("components")).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(oas).defaultMetaSchemaIri(oas.getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        JsonNode components = doc.path("components");
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            String path = p.getKey();
            List<String> names = new ArrayList<>();
            Matcher m = TEMPLATE.matcher(path);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(path.substring(last)));
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> o = methods.next();
                HttpMethod method = HttpMethod.valueOf(o.getKey().toUpperCase(Locale.ROOT));
                JsonNode op = o.getValue();
                List<Param> params = new ArrayList<>();
                for (JsonNode param : op.path("parameters")) {
                    JsonNode resolved = resolve(doc, param);
                    JsonNode schema = resolved.path("schema");
                    params.add(new Param(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolved.path("required").asBoolean(false), schema.path("type").asText("string"),
                            factory.getSchema(withComponents(schema, components), config)));
                }
                JsonSchema body = null;
                JsonNode requestSchema = op.path("requestBody").path("content").path("application/json").path("schema");
                if (!requestSchema.isMissingNode()) {
                    body = factory.getSchema(withComponents(requestSchema, components), config);
                }
                List<Role> roles = null;
                if (op.has("x-roles")) {
                    roles = new ArrayList<>();
                    for (JsonNode r : op.get("x-roles")) {
                        roles.add(Role.valueOf(r.asText()));
                    }
                } else if (!op.path("x-public").asBoolean(false)) {
                    throw new IllegalStateException("openapi.yaml: " + method + " " + path
                            + " says neither x-roles nor x-public: true");
                }
                Map<String, JsonNode> responses = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode schema = resolve(doc, r.getValue()).path("content").path("application/json").path("schema");
                    if (!schema.isMissingNode()) {
                        responses.put(r.getKey(), schema);
                    }
                }
                String action = op.path("x-action").asText(op.path("summary").asText(method + " " + path));
                ops.add(new Operation(method, path, Pattern.compile(regex.toString()), names, params, body,
                        roles == null ? null : List.copyOf(roles), action, responses));
            }
        }
        // literal segments before templates: /api/counters/{n}/transfer before /api/counters/{n}/{key}
        ops.sort(Comparator.comparingInt(o -> o.pathNames().size()));
        return new ApiContract(List.copyOf(ops), factory, config, components);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        return doc.at(ref.asText().substring(1));
    }

    /** The schema with the document's components beside it, so its {@code #/components/...} references resolve. */
    private static JsonNode withComponents(JsonNode schema, JsonNode components) {
        ObjectNode copy = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JsonMapper.builder().build().createObjectNode();
        copy.set("components", components);
        return copy;
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operation {@code method path} is, if the contract has it. */
    Optional<Operation> find(HttpMethod method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.regex().matcher(path).matches())
                .findFirst();
    }

    /** The schema of the JSON answer {@code status} of an operation, or null when it declares none. */
    JsonSchema responseSchema(HttpMethod method, String path, int status) {
        JsonNode schema = find(method, path).map(o -> o.responses().get(Integer.toString(status))).orElse(null);
        return schema == null ? null : compiledResponses.computeIfAbsent(schema,
                s -> factory.getSchema(withComponents(s, components), config));
    }

    /** Validation messages of {@code node} against {@code schema}, joined; empty when it is valid. */
    static String problems(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> errors = schema.validate(node);
        return errors.stream().map(ValidationMessage::getMessage).sorted().limit(5)
                .collect(Collectors.joining("; "));
    }

    /** The {@code /api/*} handler: answers a refusal, or passes the request on with its body parsed. */
    void check(RoutingContext ctx, Access access) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        Operation op = find(method, path).orElse(null);
        if (op == null) {
            List<String> allowed = operations.stream().filter(o -> o.regex().matcher(path).matches())
                    .map(o -> o.method().name()).distinct().toList();
            if (allowed.isEmpty()) {
                Json.error(ctx, 404, "NOT_FOUND", "no API at " + method + " " + LogText.safe(path)
                        + " (see /openapi.yaml)");
            } else {
                ctx.response().putHeader("Allow", String.join(", ", allowed));
                Json.error(ctx, 405, "METHOD_NOT_ALLOWED", method + " is not allowed here; allowed: " + allowed);
            }
            return;
        }
        if (!op.isPublic() && access.require(ctx, op.action(), op.roles().toArray(Role[]::new)) == null) {
            return;
        }
        Matcher m = op.regex().matcher(path);
        m.matches();
        for (Param p : op.params()) {
            String raw = switch (p.in()) {
                case "path" -> decode(m.group(op.pathNames().indexOf(p.name()) + 1));
                case "query" -> ctx.queryParam(p.name()).isEmpty() ? null : ctx.queryParam(p.name()).get(0);
                case "header" -> ctx.request().getHeader(p.name());
                default -> null;
            };
            if (p.in().equals("query") && ctx.queryParam(p.name()).size() > 1) {
                Json.error(ctx, 400, "BAD_REQUEST", p.name() + ": given more than once");
                return;
            }
            if (raw == null) {
                if (p.required()) {
                    Json.error(ctx, 400, "BAD_REQUEST", p.name() + ": required");
                    return;
                }
                continue;
            }
            JsonNode value = typed(raw, p.type());
            String problems = value == null ? "expected " + (p.type().equals("integer") ? "a whole number" : p.type())
                    : problems(p.schema(), value);
            if (!problems.isEmpty()) {
                Json.error(ctx, 400, "BAD_REQUEST", p.name() + " '" + LogText.safe(raw) + "': " + problems);
                return;
            }
        }
        String text = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        if (op.body() == null) {
            if (!text.isBlank()) {
                Json.error(ctx, 400, "BAD_REQUEST", method + " " + op.path() + " takes no request body");
                return;
            }
            ctx.next();
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            Json.error(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "expected Content-Type: application/json, got "
                    + (type == null ? "none" : "'" + LogText.safe(type) + "'"));
            return;
        }
        if (text.isBlank()) {
            Json.error(ctx, 400, "BAD_REQUEST", "expected a JSON object in the request body");
            return;
        }
        JsonNode body;
        try {
            body = STRICT.readTree(ctx.body().buffer().getBytes());
        } catch (JsonProcessingException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "the body is not one valid JSON value: "
                    + LogText.safe(e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "the body cannot be read as JSON: " + LogText.safe(e.getMessage()));
            return;
        }
        if (body == null || body.isMissingNode()) {
            Json.error(ctx, 400, "BAD_REQUEST", "expected a JSON object in the request body");
            return;
        }
        String problems = problems(op.body(), body);
        if (!problems.isEmpty()) {
            Json.error(ctx, 400, "BAD_REQUEST", "the body does not match " + method + " " + op.path()
                    + " in /openapi.yaml: " + LogText.safe(problems, 400));
            return;
        }
        ctx.put(BODY_KEY, body);
        ctx.next();
    }

    private static JsonNode typed(String raw, String type) {
        return switch (type) {
            case "integer" -> INTEGER.matcher(raw).matches() ? LongNode.valueOf(Long.parseLong(raw)) : null;
            case "boolean" -> raw.equals("true") ? BooleanNode.TRUE : raw.equals("false") ? BooleanNode.FALSE : null;
            default -> TextNode.valueOf(raw);
        };
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
