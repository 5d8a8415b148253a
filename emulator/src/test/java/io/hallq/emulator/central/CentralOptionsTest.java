package io.hallq.emulator.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordOnTheCommandLine_isRefused_sayingWhereToPutIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CentralOptions.parse(List.of("--username", "central", "--password", "secret")));
        assertTrue(e.getMessage().contains("--password-file") && e.getMessage().contains("HALLQ_MQTT_PASSWORD"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "the refusal does not repeat the password");
    }

    @Test
    void thePassword_isTheFirstLineOfThePasswordFile() throws Exception {
        Path file = Files.writeString(dir.resolve("central.password"), "s3cret\nignored\n");
        CentralOptions o = CentralOptions.parse(List.of("--username", "central", "--password-file", file.toString()));
        assertEquals("s3cret", o.password());
        assertThrows(IllegalArgumentException.class, () -> CentralOptions.parse(
                List.of("--username", "central", "--password-file", dir.resolve("none").toString())));
    }
}
