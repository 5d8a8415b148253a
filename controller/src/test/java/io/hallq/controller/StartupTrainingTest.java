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

    @Test
    void theTrainingBindsToNoSmsCentre_andTouchesNeitherTheKeyNorTheVaultOfCustomersNumbers() throws Exception {
        try (java.net.ServerSocket smsc = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Path real = dir.resolve("real");
            String yaml = Files.readString(Path.of("..", "packaging", "src", "deb", "etc", "hall.yaml"))
                    .replace("dataDir: /var/lib/hallq/hall-01", "dataDir: " + dir.resolve("data"))
                    + "\nnotify:\n  keyFile: " + real.resolve("notify.key") + "\n  vaultFile: "
                    + real.resolve("notify-phones.vault") + "\n  sms:\n    host: 127.0.0.1\n    port: "
                    + smsc.getLocalPort() + "\n    systemId: hall01\n    password: secret\n";
            Path file = dir.resolve("hall.yaml");
            Files.writeString(file, yaml);
            assertEquals(6, StartupTraining.train(file).size());
            smsc.setSoTimeout(1);
            // a client that had connected would be in the accept queue by now: the module connects when it starts
            assertThrows(java.net.SocketTimeoutException.class, smsc::accept, "the training connected to the SMSC");
            assertTrue(!Files.exists(real), "the service's key and vault are not touched");
        }
    }
}
