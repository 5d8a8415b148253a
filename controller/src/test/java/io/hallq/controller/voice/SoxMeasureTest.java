package io.hallq.controller.voice;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An outside opinion: sox measures a rendered announcement. Skipped where sox is not installed. */
class SoxMeasureTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void soxIsThere() {
        assumeTrue(run(List.of("sox", "--version")).startsWith("sox"), "sox not installed");
    }

    @Test
    void soxSeesTheFormatLengthAndLevelWeRendered() {
        VoiceConfig config = VoiceFixtures.quickConfig("volume: 0.5");
        ClipSet clips = VoiceFixtures.shippedClips(config);
        WavFileSink sink = WavFileSink.perAnnouncement(tmp);
        Announcement call = new Announcement.Call("A012", 3);
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, VoiceFixtures.NOON, VoiceListener.NONE)) {
            a.announce(call);
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        String file = sink.files().getFirst().toString();
        Rendering expected = new AnnouncementRenderer(config, clips).render(call);

        assertEquals("16000", run(List.of("sox", "--i", "-r", file)).strip());
        assertEquals("1", run(List.of("sox", "--i", "-c", file)).strip());
        assertEquals("16", run(List.of("sox", "--i", "-b", file)).strip());
        assertEquals(Integer.toString(expected.totalSamples()), run(List.of("sox", "--i", "-s", file)).strip());

        String stat = run(List.of("sox", file, "-n", "stat"));
        assertEquals(expected.totalSamples() / 16000.0, number(stat, "Length \\(seconds\\)"), 0.001);
        int peak = 0;
        for (Rendering.Segment s : expected.segments()) {
            if (s instanceof Rendering.ClipSegment(Clip clip)) {
                for (short v : clip.samples()) {
                    peak = Math.max(peak, v);
                }
            }
        }
        assertEquals(peak * 0.5 / 32768.0, number(stat, "Maximum amplitude"), 0.001, stat);
        assertTrue(number(stat, "RMS     amplitude") > 0.02, "speech, not silence: " + stat);
    }

    private static double number(String stat, String label) {
        Matcher m = Pattern.compile(label + ":\\s+(-?[0-9.]+)").matcher(stat);
        assertTrue(m.find(), label + " not in: " + stat);
        return Double.parseDouble(m.group(1));
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
