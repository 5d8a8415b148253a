package io.hallq.protocol.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * protocol/asyncapi.yaml says what the schemas say: every message's payload schema exists, every example in the
 * document is valid against it, and every command type the code knows is in the command schema.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document() throws Exception {
        return YAML.readTree(Path.of("asyncapi.yaml").toFile());
    }

    @Test
    void everyMessagesSchemaExists_andItsExamplesAreValid() throws Exception {
        int examples = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = document().path("components").path("messages").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String ref = m.getValue().path("payload").path("schema").path("$ref").asText();
            assertTrue(ref.startsWith("./src/main/resources/schemas/"), m.getKey() + ": " + ref);
            assertTrue(Files.isRegularFile(Path.of(ref)), m.getKey() + ": no schema file " + ref);
            String file = Path.of(ref).getFileName().toString();
            for (JsonNode example : m.getValue().path("examples")) {
                byte[] payload = JSON.writeValueAsBytes(example.path("payload"));
                assertEquals("", Schemas.errors(file, payload), m.getKey() + " example " + example.path("name"));
                examples++;
            }
        }
        assertTrue(examples >= 2, "the booking commands have examples");
    }

    @Test
    void everyCommandTheCodeKnows_isInTheCommandSchema_andTheDocument() throws Exception {
        JsonNode schema = JSON.readTree(getClass().getResourceAsStream("/schemas/command-request.json"));
        String types = schema.path("properties").path("command").path("properties").path("type").path("enum").toString();
        String commands = document().path("channels").path("commands").path("description").asText();
        for (Class<?> c : HallCommand.class.getPermittedSubclasses()) {
            assertTrue(types.contains("\"" + c.getSimpleName() + "\""), c.getSimpleName() + " not in command-request.json");
        }
        for (String booking : new String[] {"BookAppointment", "CancelBooking"}) {
            assertTrue(commands.contains(booking), booking + " not described on the commands channel");
        }
    }
}
