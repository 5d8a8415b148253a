package io.hallq.emulator.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, item 8: no clear phone number in the logs of a run that types numbers at the dispenser, looks them up
 * through central and the local list, sends SMS reminders and a staff alert, and takes one on the mobile page. The
 * run ({@link LogPrivacyWorkload}) has a JVM of its own, whose TinyLog writes every line at debug and above
 * (HiveMQ, Netty, Vert.x and jSMPP through SLF4J included) to a file; its console output is kept too. Both are
 * scanned for every number the run used, in clear and with separators a log line might add.
 */
class LogPrivacyIT {

    private static final String CENTRAL_VIP = "13800000009";
    /** On the example hall's local list (GOTONE), and the area manager's phone. */
    private static final String LISTED = "13900000002";
    private static final String UNKNOWN = "13712345678";
    private static final String MOBILE = "13612345679";
    /** Not a mobile number (starts with 2): refused on the mobile page. */
    private static final String REFUSED = "23812345670";
    /** The duty manager's phone in the example hall (and VIP on its local list). */
    private static final String DUTY = "13900000001";
    /** Logged in clear by the workload itself, so a file without it did not capture the run. */
    private static final String CANARY = "10000000042";

    /**
     * What the launchers ({@code ./hallq}, the package's {@code /usr/bin/hallq}) and the emulator's
     * tinylog.properties set: jSMPP logs every PDU in hex at debug, numbers and the SMPP password included.
     */
    private static final String JSMPP_AT_INFO = "-Dtinylog.level@org.jsmpp=info";

    @TempDir
    Path dir;

    @Test
    void everyWayOfStartingTheHall_keepsJsmppsPduDumpsOutOfTheLog() throws Exception {
        assertTrue(Files.readString(Path.of("..", "hallq")).contains(JSMPP_AT_INFO), "./hallq");
        assertTrue(Files.readString(Path.of("..", "packaging", "src", "deb", "bin", "hallq")).contains(JSMPP_AT_INFO),
                "/usr/bin/hallq of the package");
        assertTrue(Files.readString(Path.of("src", "main", "resources", "tinylog.properties"))
                .contains("level@org.jsmpp = info"), "the emulator's tinylog.properties");
    }

    @Test
    void noClearNumber_inTheLogOfARunWithTypedNumbersLookupsRemindersAndAlerts() throws Exception {
        Path log = dir.resolve("run.log");
        Path console = dir.resolve("console.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dtinylog.writer=file", "-Dtinylog.writer.file=" + log, "-Dtinylog.writer.level=debug",
                JSMPP_AT_INFO,
                "-Dtinylog.writer.format={date: HH:mm:ss.SSS} {level} [{thread}] {class-name}: {message}",
                "-cp", classPath(), LogPrivacyWorkload.class.getName(), dir.toString(),
                CENTRAL_VIP, LISTED, UNKNOWN, MOBILE, REFUSED, CANARY)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        boolean ended = p.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(console, StandardCharsets.UTF_8);
        assertTrue(ended, "the run did not end in 4 minutes: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("DONE"), out);

        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("Log privacy canary: " + CANARY), "the log file holds the run's lines");
        assertTrue(text.lines().count() > 50, "a run at debug level logs more than this:\n" + text);
        assertTrue(text.contains("DEBUG"), "debug lines are in the file");
        String scanned = text.replace("Log privacy canary: " + CANARY, "") + "\n" + out;
        List<String> found = new ArrayList<>();
        // the numbers, and the secrets of the run: the SMS centre's password and the lookup key (example hall)
        for (String phone : List.of(CENTRAL_VIP, LISTED, UNKNOWN, MOBILE, REFUSED, DUTY, "demo-pw",
                LogPrivacyWorkload.KEY)) {
            for (String form : forms(phone)) {
                scanned.lines().filter(l -> l.contains(form)).forEach(l -> found.add(phone + " as '" + form + "': "
                        + l));
            }
        }
        assertEquals(List.of(), found, "clear numbers or secrets in the log");
    }

    /**
     * The text as typed, as a log line might split a number (3-4-4 with a space or a dash, +86 in front), and as
     * a protocol dump shows it: its ASCII bytes in hex (jSMPP's DefaultPDUSender logs every PDU so at debug).
     */
    private static List<String> forms(String text) {
        List<String> out = new ArrayList<>(List.of(text, HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)),
                HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8))));
        if (text.matches("\\d{11}")) {
            String a = text.substring(0, 3);
            String b = text.substring(3, 7);
            String c = text.substring(7);
            out.addAll(List.of(a + " " + b + " " + c, a + "-" + b + "-" + c, "+86" + text));
        }
        return out;
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
