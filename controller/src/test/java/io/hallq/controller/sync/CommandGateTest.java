package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandGateTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T);

    private CommandGate gate() {
        return new CommandGate(dir.resolve("seen"), Duration.ofSeconds(60), clock);
    }

    private static String reason(Optional<CommandGate.Refusal> r) {
        return r.map(CommandGate.Refusal::reason).orElse("OK");
    }

    @Test
    void refusesRetainedStaleFutureAndRepeatedCommands_withTheirReasons() {
        CommandGate g = gate();
        assertEquals("RETAINED", reason(g.check("central", "a", T, true)));
        assertEquals("STALE", reason(g.check("central", "a", T.minusSeconds(61), false)));
        assertEquals("OK", reason(g.check("central", "a", T.minusSeconds(59), false)));
        assertEquals("CLOCK_SKEW", reason(g.check("central", "a", T.plusSeconds(31), false)));
        assertEquals("OK", reason(g.check("central", "a", T.plusSeconds(29), false)));
        g.remember("central", "a", T);
        assertEquals("DUPLICATE", reason(g.check("central", "a", T, false)));
        assertEquals("OK", reason(g.check("manager-x", "a", T, false)), "ids are per issuer");
    }

    @Test
    void idsAreRememberedAcrossARestart_untilTheirCommandWouldBeStaleAnyway() throws Exception {
        gate().remember("central", "a", T);
        CommandGate again = gate();
        assertEquals("DUPLICATE", reason(again.check("central", "a", T, false)));
        clock.advance(Duration.ofSeconds(61));
        assertEquals("STALE", reason(again.check("central", "a", T, false)));
        assertEquals(0, gate().remembered(), "forgotten at the next start");
        Files.writeString(dir.resolve("seen"), "123 torn", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, gate().remembered(), "a torn last line after a power cut is skipped");
    }

    @Test
    void theFileIsCompacted_asIdsExpire() throws Exception {
        CommandGate g = gate();
        for (int i = 0; i < 500; i++) {
            g.remember("central", "id-" + i, clock.instant());
            clock.advance(Duration.ofSeconds(1));
        }
        long lines = Files.readAllLines(dir.resolve("seen")).size();
        assertTrue(lines < 2 * 61 + 100 + 2, lines + " lines for about 60 live ids");
        assertTrue(g.remembered() <= 61, String.valueOf(g.remembered()));
    }
}
