package io.hallq.controller.voice;

import io.hallq.controller.voice.RenderedWav.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.hallq.controller.voice.RenderedWav.spoken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Announcements rendered to WAV through the announcer, decoded and checked clip by clip. */
class RenderedAnnouncementTest {

    private static final String[] ZH_CALL_A012_3 = {"chime.wav", "zh/phrase-please.wav", "zh/letter-A.wav",
        "zh/digit-0.wav", "zh/digit-1.wav", "zh/digit-2.wav", "zh/phrase-hao-dao.wav", "zh/number-3.wav",
        "zh/phrase-hao-counter.wav"};
    private static final String[] EN_CALL_A012_3 = {"en/phrase-number.wav", "en/letter-A.wav", "en/digit-0.wav",
        "en/digit-1.wav", "en/digit-2.wav", "en/phrase-go-to-counter.wav", "en/number-3.wav"};

    @TempDir
    Path tmp;

    @Test
    void aCallIsChimeThenMandarinThenEnglishRepeated() {
        VoiceConfig config = VoiceFixtures.config("""
                voice:
                  warmUp: 0ms
                  gap: 80ms
                  pause: 400ms
                  repeatGap: 800ms
                  repeat: 2
                  volume: 0.8
                """);
        short[] wav = renderOne(config, new Announcement.Call("A012", 3));
        List<Part> pass = new ArrayList<>(spoken(80, ZH_CALL_A012_3));
        pass.add(Part.silence(400));
        pass.addAll(spoken(80, EN_CALL_A012_3));
        List<Part> expected = new ArrayList<>(pass);
        expected.add(Part.silence(800));
        expected.addAll(pass);

        ClipSet clips = VoiceFixtures.shippedClips(config);
        List<Integer> offsets = RenderedWav.assertLayout(wav, expected, clips, 0.8);

        int clipSum = 0;
        for (String name : ZH_CALL_A012_3) {
            clipSum += clips.file(name).orElseThrow().length();
        }
        for (String name : EN_CALL_A012_3) {
            clipSum += clips.file(name).orElseThrow().length();
        }
        int gaps = (ZH_CALL_A012_3.length - 1 + EN_CALL_A012_3.length - 1) * 1280 + 6400;
        assertEquals(2 * (clipSum + gaps) + 12800, wav.length, "sum of clips + gaps, twice, + repeat gap");
        assertEquals(clipSum + gaps + 12800, offsets.get(pass.size() + 1), "second pass starts after the first");
    }

    @Test
    void preCallSpellsEveryTicketWithAPauseBetween() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [zh]");
        short[] wav = renderOne(config, new Announcement.PreCall(List.of("B105", "C7")));
        List<Part> expected = new ArrayList<>(spoken(50, "chime.wav", "zh/phrase-please.wav", "zh/letter-B.wav",
                "zh/digit-1.wav", "zh/digit-0.wav", "zh/digit-5.wav"));
        expected.add(Part.silence(200));
        expected.addAll(spoken(50, "zh/letter-C.wav", "zh/digit-7.wav", "zh/phrase-hao-get-ready.wav"));
        RenderedWav.assertLayout(wav, expected, VoiceFixtures.shippedClips(config), 1.0);
    }

    @Test
    void serviceUnavailableUsesTheServiceClipOrTheGenericOne() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]");
        ClipSet clips = VoiceFixtures.shippedClips(config);
        AnnouncementRenderer renderer = new AnnouncementRenderer(config, clips);
        assertEquals(List.of("en/phrase-dear-customers.wav", "en/service-SIM.wav", "en/reason-maintenance.wav",
                        "en/phrase-sorry.wav"),
                renderer.render(new Announcement.ServiceUnavailable("SIM", "补卡", "SIM replacement",
                        Announcement.Reason.MAINTENANCE)).clipNames());
        assertEquals(List.of("en/phrase-dear-customers.wav", "en/service-generic.wav",
                        "en/reason-closed_for_today.wav", "en/phrase-sorry.wav"),
                renderer.render(new Announcement.ServiceUnavailable("VIPX", "", "",
                        Announcement.Reason.CLOSED_FOR_TODAY)).clipNames());
    }

    @Test
    void countersBeyondTheNumberClipsAreReadDigitByDigit() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [zh]");
        AnnouncementRenderer renderer = new AnnouncementRenderer(config, VoiceFixtures.shippedClips(config));
        List<String> names = renderer.render(new Announcement.Recall("Z9", 45)).clipNames();
        assertEquals(List.of("chime.wav", "zh/phrase-call-again.wav", "zh/phrase-please.wav", "zh/letter-Z.wav",
                "zh/digit-9.wav", "zh/phrase-hao-dao.wav", "zh/digit-4.wav", "zh/digit-5.wav",
                "zh/phrase-hao-counter.wav"), names);
        assertTrue(renderer.render(new Announcement.Call("A1", 40)).clipNames().contains("zh/number-40.wav"));
    }

    @Test
    void appendingSinkKeepsOneGrowingValidFile() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]");
        ClipSet clips = VoiceFixtures.shippedClips(config);
        Path file = tmp.resolve("speaker.wav");
        WavFileSink sink = WavFileSink.appending(file);
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, VoiceFixtures.NOON, VoiceListener.NONE)) {
            a.announce(new Announcement.Call("A012", 3));
            a.announce(new Announcement.Call("A012", 3));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        List<Part> one = spoken(50, EN_CALL_A012_3);
        List<Part> both = new ArrayList<>(one);
        both.addAll(one);
        RenderedWav.assertLayout(RenderedWav.samples(file), both, clips, 1.0);
    }

    private short[] renderOne(VoiceConfig config, Announcement announcement) {
        WavFileSink sink = WavFileSink.perAnnouncement(tmp);
        try (Announcer a = Announcer.start(config, VoiceFixtures.shippedClips(config), sink, on -> { },
                VoiceFixtures.NOON, VoiceListener.NONE)) {
            assertEquals(Announcer.Submitted.QUEUED, a.announce(announcement));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals(1, sink.files().size());
        return RenderedWav.samples(sink.files().getFirst());
    }
}
