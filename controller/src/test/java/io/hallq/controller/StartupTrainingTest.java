package io.hallq.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.web.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training start: it serves the requests of a hall's day over real HTTP, and leaves the demo-password
 * check to the service's own start (which still refuses the file).
 */
class StartupTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingServesRealRequests_andLeavesTheDemoPasswordCheckToTheServicesStart() throws Exception {
        String yaml = Files.readString(Path.of("..", "packaging", "src", "deb", "etc", "hall.yaml"))
                .replace("dataDir: /var/lib/hallq/hall-01", "dataDir: " + dir.resolve("data"))
                .replace("  users: []", "  users:\n    - { name: li, role: STAFF, counters: [1], passwordHash: \""
                        + PasswordHash.hash("staff-demo".toCharArray(), 1000) + "\" }");
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);

        var e = assertThrows(ConfigException.class, () -> ConfigCheck.load(file, ConfigCheck.SECTIONS));
        assertTrue(e.getMessage().contains("user 'li' has a demo or guessable password"), e.getMessage());

        List<String> answers = StartupTraining.train(file);
        // /board/, /api/board, the board feed's first event, the login, a ticket over REST, the counter's view
        assertEquals(List.of("200", "200", "event", "200", "200", "200"), answers);
        assertTrue(!Files.exists(dir.resolve("data")), "the hall's own data folder is not touched");
    }
}
