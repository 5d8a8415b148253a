package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The archives' mappings are found in /proc/self/maps, and advising them away leaves the JVM working. */
class ArchivePagesTest {

    @Test
    void findsOnlyTheArchivesMappings() {
        List<String> maps = List.of(
                "800000000-800462000 rw-p 00001000 fe:01 1835 /usr/lib/jvm/java-21/lib/server/classes.jsa",
                "800462000-800c0c000 r--p 00463000 fe:01 1835 /usr/lib/jvm/java-21/lib/server/classes.jsa",
                "801000000-801ac5000 rw-p 00001000 fe:01 99 /var/cache/hallq/controller.jsa",
                "7f3c00000000-7f3c00021000 rw-p 00000000 00:00 0 ",
                "7f3c04000000-7f3c04ee4000 r-xp 00000000 fe:01 77 /usr/lib/jvm/java-21/lib/server/libjvm.so",
                "7ffc1e5f0000-7ffc1e611000 rw-p 00000000 00:00 0                          [stack]");
        List<ArchivePages.Mapping> found = ArchivePages.archives(maps);
        assertEquals(List.of(new ArchivePages.Mapping(0x800000000L, 0x800462000L,
                        "/usr/lib/jvm/java-21/lib/server/classes.jsa"),
                new ArchivePages.Mapping(0x800462000L, 0x800c0c000L, "/usr/lib/jvm/java-21/lib/server/classes.jsa"),
                new ArchivePages.Mapping(0x801000000L, 0x801ac5000L, "/var/cache/hallq/controller.jsa")), found);
    }

    @Test
    void theJvmGoesOnLoadingAndRunningClassesAfterTheArchivesPagesAreGivenBack() throws Exception {
        assumeTrue(Files.readString(Path.of("/proc/self/maps")).contains(".jsa"), "this JVM maps no archive");
        assertTrue(ArchivePages.release() > 0, "the archives were advised");
        // classes from the JDK's archive that this test JVM has not used yet, and code that runs through them
        var formatter = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd", java.util.Locale.CHINA);
        assertEquals("2026-12-06", java.time.LocalDate.of(2026, 12, 6).format(formatter));
        var pattern = java.util.regex.Pattern.compile("(?<hall>[a-z]+)-(?<n>\\d+)");
        var m = pattern.matcher("pudong-01");
        assertTrue(m.matches());
        assertEquals("01", m.group("n"));
        assertEquals(List.of(1, 4, 9), java.util.stream.IntStream.rangeClosed(1, 3).map(i -> i * i).boxed().toList());
    }
}
