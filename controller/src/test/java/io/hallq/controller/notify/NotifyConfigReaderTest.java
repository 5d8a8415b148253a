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
