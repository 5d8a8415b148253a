package io.hallq.controller.voice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeScheduleTest {

    @TempDir
    Path tmp;

    @Property
    void quietHoursContainExactlyTheMinutesFromInclusiveToExclusive(
            @ForAll @IntRange(max = 1439) int from, @ForAll @IntRange(max = 1439) int to,
            @ForAll @IntRange(max = 1439) int at) {
        if (from == to) {
            return;
        }
        QuietHours q = new QuietHours(LocalTime.MIN.plusMinutes(from), LocalTime.MIN.plusMinutes(to), 0.5);
        int length = Math.floorMod(to - from, 1440);
        boolean inside = Math.floorMod(at - from, 1440) < length;
        assertEquals(inside, q.contains(LocalTime.MIN.plusMinutes(at)));
    }

    @Test
    void theFirstMatchingWindowWinsElseTheBaseVolume() {
        VoiceConfig c = VoiceFixtures.config("""
                voice:
                  volume: 0.9
                  quietHours:
                    - { from: "12:00", to: "14:00", volume: 0.5 }
                    - { from: "13:00", to: "08:30", volume: 0.2 }
                """);
        assertEquals(0.9, c.volumeAt(LocalTime.of(11, 59)));
        assertEquals(0.5, c.volumeAt(LocalTime.of(12, 0)));
        assertEquals(0.5, c.volumeAt(LocalTime.of(13, 30)));
        assertEquals(0.2, c.volumeAt(LocalTime.of(14, 0)));
        assertEquals(0.2, c.volumeAt(LocalTime.of(8, 29)));
        assertEquals(0.9, c.volumeAt(LocalTime.of(8, 30)));
    }

    @Test
    void theVolumeInForceWhenPlayingScalesEverySample() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]", "volume: 1.0",
                "quietHours: [{ from: \"12:00\", to: \"14:00\", volume: 0.5 }]");
        ClipSet clips = VoiceFixtures.shippedClips(config);
        MutableClock clock = new MutableClock();
        WavFileSink sink = WavFileSink.perAnnouncement(tmp);
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, clock, VoiceListener.NONE)) {
            clock.setTime(LocalTime.of(12, 30));
            a.announce(new Announcement.Call("A012", 3));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
            clock.setTime(LocalTime.of(15, 0));
            a.announce(new Announcement.Call("A012", 3));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        List<RenderedWav.Part> layout = RenderedWav.spoken(50, "en/phrase-number.wav", "en/letter-A.wav",
                "en/digit-0.wav", "en/digit-1.wav", "en/digit-2.wav", "en/phrase-go-to-counter.wav", "en/number-3.wav");
        RenderedWav.assertLayout(RenderedWav.samples(sink.files().get(0)), layout, clips, 0.5);
        RenderedWav.assertLayout(RenderedWav.samples(sink.files().get(1)), layout, clips, 1.0);
    }
}
