package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesReaderTest {

    private static final Path EXAMPLE = Path.of("..", "config", "example-hall.yaml");

    @TempDir
    Path dir;

    private LoadedConfig load(String devicesYaml) throws IOException {
        String yaml = Files.readString(EXAMPLE);
        yaml = yaml.substring(0, yaml.indexOf("\ndevices:")) + "\n" + devicesYaml;
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);
        return HallConfigLoader.loadWithRoot(file);
    }

    @Test
    void example_readsEveryPart() {
        DevicesConfig d = DevicesReader.read(HallConfigLoader.loadWithRoot(EXAMPLE));
        assertEquals(Duration.ofMillis(20), d.timing().debounce());
        assertEquals(2, d.dispenser().buttons().size());
        assertNotNull(d.dispenser().phoneKeypad());
        assertEquals("VIP", d.dispenser().phones().get("13900000001"));
        assertEquals(DevicesConfig.Connection.USB, d.printer().connection());
        assertEquals("http://192.168.1.10:8080/m/", d.ticket().mobileUrlBase());
        assertEquals(3, d.counters().get(0).satisfaction().size());
        assertEquals(4, d.hallMatrix().modules());
        assertEquals(0, d.amplifierPin());
        assertFalse(d.dispenser().toString().contains("13900000001"), "phone numbers must not reach logs");
    }

    @Test
    void noDevicesSection_meansNothingFitted() throws IOException {
        DevicesConfig d = DevicesReader.read(load(""));
        assertEquals(null, d.dispenser());
        assertTrue(d.counters().isEmpty());
    }

    @Test
    void mistakes_areAllReportedWithTheirKeys_andPhonesMasked() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> DevicesReader.read(load("""
                devices:
                  debounce: soon
                  dispenser:
                    buttons:
                      - { service: NOPE, pin: 5, led: 5 }
                      - { service: PAY, pin: 40, led: 8 }
                    phones: { "13912345678": NOBODY, "12": VIP }
                  printer: { usb: /dev/usb/lp0, serial: /dev/serial0, paperWidth: 70 }
                  counters:
                    - { counter: 1, display: { bus: 0, chipSelect: 0 }, satisfaction: [20, 21] }
                  hallMatrix: { bus: 0, chipSelect: 0 }
                """)));
        String m = e.getMessage();
        assertTrue(m.contains("devices.debounce: expected a duration"), m);
        assertTrue(m.contains("devices.dispenser.buttons[0].service: expected a service code of this hall"), m);
        assertTrue(m.contains("devices.dispenser.buttons[0].led: BCM 5 is already used by button NOPE"), m);
        assertTrue(m.contains("devices.dispenser.buttons[1].pin: expected a whole number from 0 to 27"), m);
        assertTrue(m.contains("BCM 8 belongs to SPI0"), m);
        assertTrue(m.contains("139****5678"), m);
        assertFalse(m.contains("13912345678"), m);
        assertTrue(m.contains("devices.printer: expected exactly one of usb"), m);
        assertTrue(m.contains("devices.printer.paperWidth"), m);
        assertTrue(m.contains("devices.counters[0].satisfaction: expected a list of 3 or 4 pins (unhappy to happy), got 2"), m);
        assertTrue(m.contains("SPI 0 chip select 0 is already used by counter 1 display"), m);
        assertTrue(m.contains("hall.yaml: devices."), m);
    }

    private static final String PRINTER = """
            devices:
              printer: { usb: /dev/usb/lp0 }
            """;

    @Test
    void ticketQrCode_opensTheWebServersPublicUrl() throws IOException {
        DevicesConfig d = DevicesReader.read(load(PRINTER + "web:\n  publicUrl: https://q.example.cn/hall-7/\n"));
        assertEquals("https://q.example.cn/hall-7/m/", d.ticket().mobileUrlBase());
    }

    @Test
    void ticketHasNoQrCode_withoutAPublicUrl_orWithTheWebServerOff() throws IOException {
        assertEquals(null, DevicesReader.read(load(PRINTER)).ticket().mobileUrlBase());
        assertEquals(null, DevicesReader.read(load(PRINTER
                + "web:\n  enabled: false\n  publicUrl: http://192.168.1.10:8080\n")).ticket().mobileUrlBase());
    }

    @Test
    void theOldMobileUrlBaseKey_isRejected_pointingToWebPublicUrl() {
        ConfigException e = assertThrows(ConfigException.class, () -> DevicesReader.read(load(PRINTER
                + "  ticket: { mobileUrlBase: http://192.168.1.10:8080/m/ }\n")));
        assertTrue(e.getMessage().contains("devices.ticket.mobileUrlBase"), e.getMessage());
        assertTrue(e.getMessage().contains("set web.publicUrl"), e.getMessage());
    }

    @Test
    void aMalformedPublicUrl_isReportedWithItsKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> DevicesReader.read(load(PRINTER
                + "web:\n  publicUrl: 192.168.1.10:8080\n")));
        assertTrue(e.getMessage().contains("web.publicUrl: expected an http:// or https:// URL"), e.getMessage());
    }
}
