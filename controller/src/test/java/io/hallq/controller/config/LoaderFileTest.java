package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.errorsOf;
import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the file itself: I/O, YAML syntax and the top level. */
class LoaderFileTest {

    @TempDir
    Path dir;

    @Test
    void missingFile_namesThePath() {
        Path missing = dir.resolve("nope/hall.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> HallConfigLoader.load(missing));
        assertEquals(List.of(missing + ": no such file (looked at " + missing.toAbsolutePath() + ")"), e.errors());
        assertEquals(e.errors().get(0), e.getMessage());
    }

    @Test
    void folderInsteadOfFile_isReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> HallConfigLoader.load(dir));
        assertEquals(List.of(dir + ": is a folder; expected the hall's YAML file"), e.errors());
    }

    @Test
    void fileNotInUtf8_isReported() {
        Path file = write("hall.yaml", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        ConfigException e = assertThrows(ConfigException.class, () -> HallConfigLoader.load(file));
        assertEquals(List.of(file + ": the file is not UTF-8 text; save it as UTF-8"), e.errors());
    }

    @Test
    void yamlSyntaxError_namesLineAndColumn() {
        assertEquals(inFile("line 3, column 1: YAML syntax error: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence at line 2, column 11)"),
                errorsOf("hall: {id: x}\nservices: [OPEN, PAY\n"));
    }

    @Test
    void tabIndentation_isASyntaxErrorAtTheTab() {
        List<String> errors = errorsOf("hall:\n  id: x\n\tnameZh: y\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0)
                        .startsWith("hall.yaml: line 3, column 1: YAML syntax error: found character '\\t(TAB)'"),
                errors.get(0));
    }

    @Test
    void duplicateKeys_areReportedWhereTheyRepeat() {
        assertEquals(inFile(
                "line 4, column 3: duplicate key 'open'; YAML would silently keep only the last one",
                "line 5, column 1: duplicate key 'hours'; YAML would silently keep only the last one"),
                errorsOf("hours:\n  open: \"09:00\"\n  close: \"18:00\"\n  open: \"10:00\"\nhours: {}\n"));
    }

    @Test
    void aliases_areRefusedRatherThanReadAsTheirName() {
        assertEquals(inFile("line 2, column 11: the alias *base is not supported; write the value out in full"),
                errorsOf("hall: &base {id: x}\nhallCopy: *base\n"));
    }

    @Test
    void numberWithLeadingZero_isRefusedRatherThanReadAsOctal() {
        assertEquals(inFile("line 1, column 21: the number 010 starts with 0, which YAML reads as octal (010 = 8);"
                + " drop the leading zero, or put it in quotes if it is meant as text"),
                errorsOf("counters: [{number: 010}]\n"));
    }

    @Test
    void secondDocument_isRefused() {
        assertEquals(inFile("line 3, column 1: a second YAML document ('---'); the file must hold exactly one"),
                errorsOf("hall: {id: x}\n---\nhall: {id: y}\n"));
    }

    @Test
    void emptyFile_saysWhatIsExpected() {
        List<String> expected =
                inFile("the file is empty; expected the sections hall, hours, services, classes and counters");
        assertEquals(expected, errorsOf(""));
        assertEquals(expected, errorsOf("# only a comment\n"));
    }

    @Test
    void topLevelList_isRefused() {
        assertEquals(inFile("expected a mapping with hall, hours, services, classes, counters, alarms, rules,"
                + " journal, roster, appointments, voice, devices, mqtt, web, notify, got a list"), errorsOf("- hall\n- hours\n"));
    }

    @Test
    void unknownTopLevelKey_isReportedWithTheKnownKeys() {
        assertEquals(inFile("rule: unknown key, did you mean 'rules'? (known: hall, hours, services, classes,"
                        + " counters, alarms, rules, journal, roster, appointments, voice, devices, mqtt, web, notify)"),
                TestHall.minimal().with("rule", "recallLimit: 3").errors());
    }

    @Test
    void sectionsOfOtherPackages_areAcceptedAndKeptInTheRoot() {
        LoadedConfig loaded = HallConfigLoader.parseWithRoot(TestHall.minimal()
                .with("voice", "engine: espeak-ng\nrate: 0.9")
                .with("devices", "dispenser: { port: /dev/ttyUSB0 }")
                .with("mqtt", "url: tcp://localhost:1883")
                .with("web", "port: 8080").yaml(), "hall.yaml", TestHall.BASE);
        assertEquals("espeak-ng", loaded.root().path("voice").path("engine").asText());
        assertEquals(8080, loaded.root().path("web").path("port").asInt());
        assertEquals(TestHall.BASE.resolve("hall.yaml"), loaded.file());
    }

    @Test
    void otherPackages_reportTheirProblemsInTheSameForm() {
        LoadedConfig loaded = HallConfigLoader.parseWithRoot(
                TestHall.minimal().with("voice", "rate: fast").yaml(), "hall.yaml", TestHall.BASE);
        ConfigProblems problems = loaded.problems();
        ConfigNode voice = loaded.section("voice", problems).mapping("rate");
        voice.key("rate").get(ConfigScalar.NUMBER, 1.0);
        ConfigException e = assertThrows(ConfigException.class, problems::throwIfAny);
        assertEquals(List.of("/halls/test/hall.yaml: voice.rate: expected a number, got 'fast'"), e.errors());
    }

    @Test
    void byteOrderMark_isIgnored() {
        assertEquals("test-hall", HallConfigLoader.parse("\uFEFF" + TestHall.minimal().yaml(), "h.yaml", dir)
                .hall().id());
    }

    @Test
    void load_resolvesTheJournalAgainstTheFilesFolder() {
        Path file = write("halls/a/hall.yaml", TestHall.minimal().with("journal", "dataDir: ../journal")
                .yaml().getBytes(StandardCharsets.UTF_8));
        assertEquals(dir.resolve("halls/journal").toString(), HallConfigLoader.load(file).journal().dataDir());
    }

    @Test
    void errorMessage_holdsOneErrorPerLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestHall.minimal().without("hall")
                .without("hours").load());
        assertEquals(String.join("\n", e.errors()), e.getMessage());
        assertEquals(inFile("hall: missing; expected a mapping with id, nameZh, nameEn, zone",
                "hours: missing; expected a mapping with open, close, dayRollover, busyPeriods"), e.errors());
    }

    private Path write(String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
