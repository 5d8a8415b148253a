package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneVaultTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFile_isCreatedReadableByItsOwnerOnly() throws Exception {
        PhoneVault.open(dir.resolve("k/notify.key"), dir.resolve("v"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("k/notify.key"))));
        assertEquals(32, Files.size(dir.resolve("k/notify.key")));
    }

    @Test
    void aKeyFileOthersCanRead_isRefused_namingTheFile() throws Exception {
        Path key = dir.resolve("notify.key");
        PhoneVault.open(key, dir.resolve("v"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PhoneVault.open(key, dir.resolve("v")));
        assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void numbers_areKeptEncrypted_andSurviveAReopen() throws Exception {
        Path key = dir.resolve("notify.key");
        Path file = dir.resolve("phones.vault");
        PhoneVault.open(key, file).keep("2026-11-23", "tok", PhoneNumber.parse("13812345678"));
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("13812345678"));
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("2345678"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(PhoneNumber.parse("13812345678")), PhoneVault.open(key, file).phone("tok"));
    }

    @Test
    void anotherKey_cannotReadTheVault() throws Exception {
        Path file = dir.resolve("phones.vault");
        PhoneVault.open(dir.resolve("a.key"), file).keep("2026-11-23", "tok", PhoneNumber.parse("13812345678"));
        assertThrows(IllegalStateException.class, () -> PhoneVault.open(dir.resolve("b.key"), file));
    }

    @Test
    void aNewBusinessDay_deletesTheNumbersOfEarlierDays() {
        PhoneVault v = PhoneVault.open(dir.resolve("notify.key"), dir.resolve("phones.vault"));
        v.keep("2026-11-22", "old", PhoneNumber.parse("13800000001"));
        v.keep("2026-11-23", "new", PhoneNumber.parse("13800000002"));
        assertEquals(1, v.keepOnly("2026-11-23"));
        assertEquals(Optional.empty(), v.phone("old"));
        assertEquals(Optional.of(PhoneNumber.parse("13800000002")), v.phone("new"));
        assertEquals(Optional.empty(), PhoneVault.open(dir.resolve("notify.key"), dir.resolve("phones.vault")).phone("old"));
    }

    @Test
    void forget_removesOneNumber() {
        PhoneVault v = PhoneVault.open(dir.resolve("notify.key"), dir.resolve("phones.vault"));
        v.keep("d", "t", PhoneNumber.parse("13800000001"));
        v.forget("t");
        assertFalse(v.has("t"));
    }
}
