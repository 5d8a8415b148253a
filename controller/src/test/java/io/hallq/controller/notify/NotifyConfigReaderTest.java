package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigReaderTest {

    @TempDir
    Path dir;

    private Optional<NotifyConfig> read(String yaml) throws Exception {
        return NotifyConfigReader.read(SmppNotificationsIT.loaded(dir, yaml));
    }

    @Test
    void anAbsentSection_meansNoNotifications() throws Exception {
        assertEquals(Optional.empty(), read("web: {}\n"));
    }

    @Test
    void aValidSection_isRead_withDefaultsForWhatIsLeftOut() throws Exception {
        NotifyConfig c = read(SmppNotificationsIT.yaml(2775, "")).orElseThrow();
        assertEquals(2, c.reminders().ahead());
        assertEquals(Duration.ofMinutes(10), c.staff().escalateAfter());
        assertEquals(1, c.staff().topTier());
        assertEquals("hallq", c.sms().orElseThrow().systemId());
        assertTrue(c.templates().render("zh", Purpose.AHEAD, java.util.Map.of("ticket", "A001", "ahead", "2",
                "hall", "厅")).contains("A001"));
        assertTrue(!c.sms().orElseThrow().toString().contains("secret"), "no password in toString");
    }

    private String smsWithPasswordFile(String text, String mode) throws Exception {
        Path file = dir.resolve("smpp.password");
        java.nio.file.Files.writeString(file, text);
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
        return "notify:\n  sms:\n    host: 127.0.0.1\n    port: 2775\n    systemId: hallq01\n    passwordFile: smpp.password\n";
    }

    @Test
    void smppPasswordFile_readableByItsOwnerAlone_givesThePassword() throws Exception {
        NotifyConfig c = read(smsWithPasswordFile("s3cret\n", "rw-------")).orElseThrow();
        assertEquals("s3cret", c.sms().orElseThrow().password());
    }

    @Test
    void smppPasswordFile_readableByOthers_orTooLong_isRefused_namingTheKey() throws Exception {
        String m = assertThrows(ConfigException.class, () -> read(smsWithPasswordFile("s3cret\n", "rw-r--r--")))
                .getMessage();
        assertTrue(m.contains("notify.sms.passwordFile") && m.contains("chmod 600"), m);
        m = assertThrows(ConfigException.class, () -> read(smsWithPasswordFile("far-too-long\n", "rw-------")))
                .getMessage();
        assertTrue(m.contains("notify.sms.passwordFile") && m.contains("1 to 8"), m);
        assertTrue(!m.contains("far-too-long"), "the refused password is not repeated: " + m);
    }

    @Test
    void everyMistake_isReportedAtOnce_withFileAndKey() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> read("""
                notify:
                  sms:
                    host: 127.0.0.1
                    port: 99999
                    password: far-too-long-password
                    ratePerSecond: 0
                  reminders:
                    ahead: 0
                  staff:
                    contacts:
                      - {id: duty, phone: "12345", tier: 0}
                      - {id: duty, phone: "13900000001", tier: 9}
                  templates:
                    fr: {}
                  colour: red
                """));
        String m = String.join("\n", e.errors());
        for (String key : new String[] {"notify.sms.port", "notify.sms.systemId", "notify.sms.password",
            "notify.sms.ratePerSecond", "notify.reminders.ahead", "notify.staff.contacts[0].phone",
            "notify.staff.contacts[1].id", "notify.staff.contacts[1].tier", "notify.templates.fr", "notify.colour"}) {
            assertTrue(m.contains(key), key + " not in:\n" + m);
        }
        assertTrue(m.contains("hall.yaml"), m);
    }
}
