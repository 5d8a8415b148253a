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

    @Test
    void phoneLookups_takeTheSharedKeyAndTheCustomerList_together() throws Exception {
        Path key = Files.writeString(dir.resolve("lookup.key"), "0123456789abcdef0123456789abcdef\n");
        Path phones = Files.writeString(dir.resolve("phones.txt"), "# central's customers\n13900000001 GOTONE\n"
                + "13800000009 VIP  # a VIP\n\n");
        CentralOptions o = CentralOptions.parse(List.of("--lookup-key", key.toString(), "--lookup-phones",
                phones.toString()));
        assertTrue(o.answersLookups());
        assertEquals(java.util.Map.of("13900000001", "GOTONE", "13800000009", "VIP"), o.lookupPhones());
        assertTrue(!CentralOptions.parse(List.of()).answersLookups());
        assertThrows(IllegalArgumentException.class, () -> CentralOptions.parse(List.of("--lookup-key",
                key.toString())));
        Path bad = Files.writeString(dir.resolve("bad.txt"), "13900000001\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CentralOptions.parse(
                List.of("--lookup-key", key.toString(), "--lookup-phones", bad.toString())));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        Path shortKey = Files.writeString(dir.resolve("short.key"), "abc\n");
        assertThrows(IllegalArgumentException.class, () -> CentralOptions.parse(List.of("--lookup-key",
                shortKey.toString(), "--lookup-phones", phones.toString())));
    }
}
