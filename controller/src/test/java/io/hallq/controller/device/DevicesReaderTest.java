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
        assertEquals(8, d.dispenser().buttons().size());
        assertEquals(new DevicesConfig.ServiceButton("PAY", PinRef.expander(0x20, 0), PinRef.expander(0x20, 4)),
                d.dispenser().buttons().get(0));
        assertEquals(7, d.expanders().size());
        assertEquals(new DevicesConfig.ExpanderConfig(0x26, 5), d.expanders().get(6));
        assertNotNull(d.dispenser().phoneKeypad());
        assertEquals(5, d.counters().size());
        assertEquals(new DevicesConfig.DisplayPosition(0, 0, 5), d.counters().get(4).display());
        assertEquals(5, d.displayChainLength(new DevicesConfig.SpiAddress(0, 0)));
        assertEquals("VIP", d.dispenser().phones().get("13900000001"));
        assertEquals(DevicesConfig.Connection.USB, d.printer().connection());
        assertEquals("http://192.168.1.10:8080/m/", d.ticket().mobileUrlBase());
        assertEquals(3, d.counters().get(0).satisfaction().size());
        assertEquals(4, d.hallMatrix().modules());
        assertEquals(PinRef.gpio(6), d.amplifierPin());
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
        assertTrue(m.contains("devices.dispenser.buttons[1].pin: expected a Pi GPIO (BCM 0-27) or an expander pin"), m);
        assertTrue(m.contains("BCM 8 belongs to SPI0"), m);
        assertTrue(m.contains("139****5678"), m);
        assertFalse(m.contains("13912345678"), m);
        assertTrue(m.contains("devices.printer: expected exactly one of usb"), m);
        assertTrue(m.contains("devices.printer.paperWidth"), m);
        assertTrue(m.contains("devices.counters[0].satisfaction: expected a list of 3 or 4 pins (unhappy to happy), got 2"), m);
        assertTrue(m.contains("devices.hallMatrix: SPI 0 chip select 0 is already used by the counter displays' chain"), m);
        assertTrue(m.contains("hall.yaml: devices."), m);
    }

    @Test
    void expanderMistakes_areReportedWithTheirKeys() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> DevicesReader.read(load("""
                devices:
                  expanders:
                    - { address: 0x20, interrupt: 17 }
                    - { address: 0x20 }
                    - { address: 0x28 }
                    - { address: "0x21", interrupt: 17 }
                  dispenser:
                    buttons:
                      - { service: PAY, pin: "0x20:A0", led: "0x20:A0" }
                      - { service: PLAN, pin: "0x20:A7", led: "0x22:B1" }
                      - { service: SIM, pin: 2, led: "0x20:C1" }
                  printer: { usb: /dev/usb/lp0 }
                  counters:
                    - { counter: 1, display: { bus: 0, chipSelect: 0, position: 2 } }
                    - { counter: 2, display: { bus: 0, chipSelect: 0, position: 2 } }
                """)));
        String m = e.getMessage();
        assertTrue(m.contains("devices.expanders[1].address: I2C address 0x20 is already used by expander 0x20"), m);
        assertTrue(m.contains("devices.expanders[2].address: expected an MCP23017 address from 0x20 to 0x27, got 40"), m);
        assertTrue(m.contains("devices.dispenser.buttons[0].led: 0x20:A0 is already used by button PAY"), m);
        assertTrue(m.contains("devices.dispenser.buttons[1].pin: 0x20:A7 is an output only"), m);
        assertTrue(m.contains("devices.dispenser.buttons[1].led: expander 0x22 is not listed under devices.expanders"), m);
        assertTrue(m.contains("devices.dispenser.buttons[2].pin: BCM 2 is already used by I2C1 SDA"), m);
        assertTrue(m.contains("devices.dispenser.buttons[2].led: expected a Pi GPIO (BCM 0-27) or an expander pin"), m);
        assertTrue(m.contains("devices.counters[1].display: position 2 of the display chain on SPI 0 chip select 0 is"
                + " already counter 1's display"), m);
        assertFalse(m.contains("devices.expanders[3]"), "two expanders may share one INT line: " + m);
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
