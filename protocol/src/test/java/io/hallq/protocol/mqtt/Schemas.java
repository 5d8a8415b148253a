package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** The repository's JSON Schemas, loaded from the classpath the way an outside consumer would use them. */
final class Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://hallq.io/schemas/v1/", "classpath:schemas/")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {}

    static String fileFor(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "HallOnline" -> "online.json";
            case "HallStatus" -> "status.json";
            case "EventMessage" -> "event.json";
            case "AlarmMessage" -> "alarm.json";
            case "DeviceHealth" -> "device-health.json";
            case "DailyStats" -> "daily-stats.json";
            case "HallProfile" -> "profile.json";
            case "HallBoard" -> "board.json";
            case "CommandRequest" -> "command-request.json";
            case "CommandResponse" -> "command-response.json";
            case "PhoneLookupRequest" -> "lookup-request.json";
            case "PhoneLookupReply" -> "lookup-reply.json";
            default -> throw new IllegalArgumentException(type.getName());
        };
    }

    /** Validation errors of {@code json} against {@code schemaFile}; empty when valid. */
    static String errors(String schemaFile, byte[] json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("https://hallq.io/schemas/v1/" + schemaFile));
        try {
            JsonNode node = JSON.readTree(json);
            Set<ValidationMessage> errors = schema.validate(node);
            return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
