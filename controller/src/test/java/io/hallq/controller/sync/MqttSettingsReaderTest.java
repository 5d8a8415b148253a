package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsReaderTest {

    @TempDir
    Path dir;

    private MqttSettings read(String yaml) {
        return MqttSettingsReader.read(SyncHalls.loaded("hall-a", dir, yaml)).orElseThrow();
    }

    private ConfigException errors(String yaml) {
        return assertThrows(ConfigException.class, () -> MqttSettingsReader.read(SyncHalls.loaded("hall-a", dir, yaml)));
    }

    private java.nio.file.Path key(String text, String mode) throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("lookup.key");
        java.nio.file.Files.writeString(f, text + "\n");
        java.nio.file.Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void theCentralLookup_isReadWithItsKeyAndTimeout_andOffWithoutItsSection() throws Exception {
        key("0123456789abcdef0123456789abcdef", "rw-------");
        CentralPhoneLookup.Settings s = MqttSettingsReader.lookup(SyncHalls.loaded("hall-a", dir,
                "broker: tcp://127.0.0.1:1883\nlookup: { keyFile: lookup.key, timeout: PT0.5S }")).orElseThrow();
        assertEquals(Duration.ofMillis(500), s.timeout());
        assertEquals("0123456789abcdef0123456789abcdef", new String(s.key(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(!s.toString().contains("0123456789abcdef"), "the key stays out of logs");
        assertEquals(Duration.ofMillis(800), MqttSettingsReader.lookup(SyncHalls.loaded("hall-a", dir,
                "broker: tcp://127.0.0.1:1883\nlookup: { keyFile: lookup.key }")).orElseThrow().timeout());
        assertTrue(MqttSettingsReader.lookup(SyncHalls.loaded("hall-a", dir, "broker: tcp://127.0.0.1:1883"))
                .isEmpty());
        assertTrue(MqttSettingsReader.lookup(SyncHalls.loaded("hall-a", dir,
                "broker: tcp://127.0.0.1:1883\nlookup: { enabled: false, keyFile: lookup.key }")).isEmpty());
    }

    @Test
    void theLookupTimeout_isWrittenLikeEveryOtherDuration_inMilliseconds() throws Exception {
        key("0123456789abcdef0123456789abcdef", "rw-------");
        assertEquals(Duration.ofMillis(800), MqttSettingsReader.lookup(SyncHalls.loaded("hall-a", dir,
                "broker: tcp://127.0.0.1:1883\nlookup: { keyFile: lookup.key, timeout: 800ms }")).orElseThrow()
                .timeout());
    }

    @Test
    void theCentralLookup_refusesAKeyOthersCanRead_aShortKey_andATimeoutOutOfRange() throws Exception {
        key("0123456789abcdef0123456789abcdef", "rw-r--r--");
        String all = String.join("\n", errors(
                "broker: tcp://127.0.0.1:1883\nlookup: { keyFile: lookup.key, timeout: 1m, colour: red }").errors());
        assertTrue(all.contains("mqtt.lookup.keyFile: expected a file readable by its owner alone"), all);
        assertTrue(all.contains("mqtt.lookup.timeout: expected a duration from 50ms to 5s"), all);
        assertTrue(all.contains("mqtt.lookup.colour: unknown key"), all);
        key("short", "rw-------");
        all = String.join("\n", errors("broker: tcp://127.0.0.1:1883\nlookup: { keyFile: lookup.key }").errors());
        assertTrue(all.contains("mqtt.lookup.keyFile: expected a key of at least 32 characters"), all);
        all = String.join("\n", errors("broker: tcp://127.0.0.1:1883\nlookup: {}").errors());
        assertTrue(all.contains("mqtt.lookup.keyFile"), all);
    }

    @Test
    void defaults_fillEverythingButTheBroker() {
        MqttSettings s = read("broker: tcp://127.0.0.1:1883");
        assertEquals("hall-hall-a", s.clientId());
        assertEquals(Duration.ZERO, s.sessionExpiry());
        assertEquals(10, s.maxInflight());
        assertTrue(s.allowedIssuers().values().stream().allMatch(Set::isEmpty), "nobody may command by default");
    }

    @Test
    void disabled_meansNoSettings() {
        assertTrue(MqttSettingsReader.read(SyncHalls.loaded("hall-a", dir, "enabled: false\nbroker: tcp://h:1"))
                .isEmpty());
    }

    @Test
    void allowListsAndNeighbours_areRead() {
        MqttSettings s = read("""
                broker: ssl://broker.example:8883
                tls: { caFile: ca.pem }
                commands: { SetService: [central, manager-a] }
                neighbours:
                  - { hall: hall-b, nameZh: 乙厅, nameEn: Hall B, distance: 900, margin: 8m }
                """.replace("ca.pem", writeCa()));
        assertTrue(s.allows("SetService", "manager-a"));
        assertTrue(!s.allows("SetService", "stranger") && !s.allows("RequestStats", "central"));
        assertEquals(new MqttSettings.Neighbour("hall-b", "乙厅", "Hall B", 900, Duration.ofMinutes(8)),
                s.neighbours().get(0));
        assertTrue(s.tls().isPresent());
    }

    private String writeCa() {
        try {
            return java.nio.file.Files.writeString(dir.resolve("ca.pem"), "x").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyMistake_isReportedAtOnce_namingFileAndKey() {
        ConfigException e = errors("""
                broker: http://x
                keepAlive: soon
                colour: blue
                commands: { FormatDisk: [central], SetService: [Central!] }
                neighbours:
                  - { hall: hall-a, nameZh: 甲, nameEn: A, distance: 5 }
                  - { hall: hall-c, nameEn: C }
                """);
        String all = String.join("\n", e.errors());
        assertTrue(all.contains("mqtt.broker"), all);
        assertTrue(all.contains("mqtt.keepAlive"), all);
        assertTrue(all.contains("mqtt.colour"), all);
        assertTrue(all.contains("mqtt.commands.FormatDisk"), all);
        assertTrue(all.contains("mqtt.commands.SetService[0]"), all);
        assertTrue(all.contains("mqtt.neighbours[0].hall"), all);
        assertTrue(all.contains("mqtt.neighbours[1].nameZh"), all);
        assertTrue(all.contains("mqtt.neighbours[1].distance"), all);
        assertTrue(e.errors().stream().allMatch(l -> l.startsWith(dir.resolve("hall.yaml").toString())), all);
    }

    @Test
    void sslWithoutCa_orCertWithoutKey_isAnError() {
        assertTrue(String.join("\n", errors("broker: ssl://b:8883").errors()).contains("mqtt.tls"));
        String all = String.join("\n", errors("broker: ssl://b:8883\ntls: { caFile: " + writeCa() + ", certFile: "
                + writeCa() + " }").errors());
        assertTrue(all.contains("mqtt.tls.keyFile"), all);
    }

    @Test
    void profileWeeksHere_isRejected_pointingToJournalProfileWeeks() {
        String message = errors("broker: tcp://127.0.0.1:1883\nprofileWeeks: 8").getMessage();
        assertTrue(message.contains("mqtt.profileWeeks"), message);
        assertTrue(message.contains("journal.profileWeeks"), message);
    }

    private static void mode(Path file, String perms) throws java.io.IOException {
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
    }

    @Test
    void passwordFile_readableByItsOwnerAlone_givesThePassword() throws Exception {
        Path secret = java.nio.file.Files.writeString(dir.resolve("mqtt.password"), "s3cret\n");
        mode(secret, "rw-------");
        MqttSettings s = read("broker: tcp://127.0.0.1:1883\nusername: hall-a\npasswordFile: mqtt.password");
        assertEquals(java.util.Optional.of("s3cret"), s.password());
    }

    @Test
    void passwordFile_readableByOthers_orMissing_isRefused_namingTheKey() throws Exception {
        Path secret = java.nio.file.Files.writeString(dir.resolve("mqtt.password"), "s3cret\n");
        mode(secret, "rw-r--r--");
        String message = errors("broker: tcp://127.0.0.1:1883\npasswordFile: mqtt.password").getMessage();
        assertTrue(message.contains("mqtt.passwordFile") && message.contains("chmod 600"), message);
        message = errors("broker: tcp://127.0.0.1:1883\npasswordFile: nowhere.password").getMessage();
        assertTrue(message.contains("mqtt.passwordFile") && message.contains("cannot be read"), message);
    }

    @Test
    void passwordCredential_isReadFromSystemdsCredentialsDirectory() throws Exception {
        Path creds = java.nio.file.Files.createDirectories(dir.resolve("creds"));
        java.nio.file.Files.writeString(creds.resolve("mqtt-password"), "from-systemd");
        var loaded = SyncHalls.loaded("hall-a", dir, "broker: tcp://127.0.0.1:1883\npasswordCredential: mqtt-password");
        MqttSettings s = MqttSettingsReader.read(loaded, java.util.Map.of("CREDENTIALS_DIRECTORY", creds.toString()))
                .orElseThrow();
        assertEquals(java.util.Optional.of("from-systemd"), s.password());
        ConfigException none = assertThrows(ConfigException.class, () -> MqttSettingsReader.read(
                SyncHalls.loaded("hall-a", dir, "broker: tcp://127.0.0.1:1883\npasswordCredential: mqtt-password"),
                java.util.Map.of()));
        assertTrue(none.getMessage().contains("mqtt.passwordCredential") && none.getMessage().contains(
                "CREDENTIALS_DIRECTORY"), none.getMessage());
    }

    @Test
    void twoPasswordSources_areRefused() throws Exception {
        Path secret = java.nio.file.Files.writeString(dir.resolve("mqtt.password"), "s3cret");
        mode(secret, "rw-------");
        String message = errors("broker: tcp://127.0.0.1:1883\npassword: x\npasswordFile: mqtt.password").getMessage();
        assertTrue(message.contains("only one of password, passwordFile and passwordCredential"), message);
    }

    @Test
    void commandMaxAge_defaultsTo60s_andIsBounded() {
        assertEquals(Duration.ofSeconds(60), read("broker: tcp://127.0.0.1:1883").commandMaxAge());
        assertEquals(Duration.ofMinutes(5), read("broker: tcp://127.0.0.1:1883\ncommandMaxAge: 5m").commandMaxAge());
        String message = errors("broker: tcp://127.0.0.1:1883\ncommandMaxAge: 2h").getMessage();
        assertTrue(message.contains("mqtt.commandMaxAge"), message);
    }
}
