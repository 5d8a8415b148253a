package io.hallq.controller.voice;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceConfigReaderTest {

    /** The example of docs/voice.md. */
    static final String EXAMPLE = """
            voice:
              enabled: true
              languages: [zh, en]
              repeat: 2
              recallJumpsQueue: true
              warmUp: 300ms
              gap: 80ms
              pause: 400ms
              repeatGap: 800ms
              volume: 0.9
              quietHours:
                - { from: "12:00", to: "14:00", volume: 0.5 }
                - { from: "20:00", to: "08:00", volume: 0.3 }
              maxQueued: 50
              templates:
                zh:
                  call: "{chime} 请 {ticket} 号 到 {counter} 号窗口办理"
                en:
                  call: "Number {ticket}, please go to counter {counter}"
            """;

    @Test
    void missingSectionGivesTheDefaults() {
        VoiceConfigReader.Result r = VoiceConfigReader.read(null);
        assertTrue(r.ok());
        assertEquals(VoiceConfig.defaults(), r.config());
        assertEquals(VoiceConfig.defaults(), VoiceConfigReader.read(VoiceFixtures.voiceNode("hall: {}")).config());
    }

    @Test
    void readsTheDocumentedExample() {
        VoiceConfig c = VoiceFixtures.config(EXAMPLE);
        assertEquals(List.of("zh", "en"), c.languages());
        assertEquals(2, c.repeat());
        assertEquals(Duration.ofMillis(300), c.warmUp());
        assertEquals(Duration.ofMillis(80), c.gap());
        assertEquals(0.9, c.volume());
        assertEquals(List.of(new QuietHours(LocalTime.NOON, LocalTime.of(14, 0), 0.5),
                new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0), 0.3)), c.quietHours());
        assertEquals(Optional.empty(), c.clipDirectory());
        assertEquals("Number {ticket}, please go to counter {counter}", c.template("en", VoiceEvent.CALL).source());
        assertEquals(VoiceConfig.DEFAULT_TEMPLATES.get("zh").get(VoiceEvent.RECALL),
                c.template("zh", VoiceEvent.RECALL).source(), "events not given keep the default wording");
    }

    @Test
    void reportsEveryErrorAtOnceNamingItsKey() {
        VoiceConfigReader.Result r = VoiceConfigReader.read(VoiceFixtures.voiceNode("""
                voice:
                  repeat: x
                  enabled: yes please
                  warmUp: soon
                  volume: 1.5
                  languages: [zh, EN]
                  quietHours:
                    - { from: "25:00", to: "14:00", volume: 0.5 }
                    - { from: "12:00", to: "12:00", volume: 0.5 }
                  precall: { count: 11 }
                  colour: red
                  templates:
                    zh:
                      call: "{chime} 请 {tickt} 号 到 {counter} 号窗口办理"
                      cal: "x"
                """));
        assertEquals(List.of(
                "voice.colour: unknown key (known: clipDirectory, enabled, gap, languages, maxQueued, pause, precall, "
                        + "quietHours, recallJumpsQueue, repeat, repeatGap, templates, volume, warmUp)",
                "voice.languages[1]: expected a language code such as zh or en, got 'EN'",
                "voice.templates.zh.call: unknown token '{tickt}' (known: {chime}, {ticket}, {counter}, {pause})",
                "voice.templates.zh.cal: unknown event (known: call, recall, precall, unavailable)",
                "voice.enabled: expected true or false, got 'yes please'",
                "voice.repeat: expected an integer 1..5, got 'x'",
                "voice.warmUp: expected a duration from 0s to 10s, got 'soon'; write it like 250ms, 90s, 5m, 1h30m or PT5M",
                "voice.volume: expected a number 0.0..1.0, got '1.5'",
                "voice.quietHours[0].from: expected a time of day \"HH:MM\", got '25:00'",
                "voice.quietHours[1].to: must differ from 'from' (12:00)",
                MOVED), r.errors());
        assertEquals(VoiceConfig.defaults().repeat(), r.config().repeat(), "a wrong value keeps the default");
    }

    private static final String MOVED = "voice.precall: moved to alarms.precall: {enabled, count, minWaiting, "
            + "quietHours} (one pre-call rule for the board and the voice, while the early warning is active; "
            + "whenWaiting is gone, see docs/notifications.md)";

    @Test
    void theOldPreCallKeyIsRefusedWithAPointerToTheSharedRule() {
        VoiceConfigReader.Result r = VoiceConfigReader.read(VoiceFixtures.voiceNode("""
                voice:
                  precall: { enabled: true, whenWaiting: 20, count: 3 }
                """));
        assertEquals(List.of(MOVED), r.errors());
    }

    @Test
    void aLanguageWithoutDefaultWordingNeedsEveryEvent() {
        VoiceConfigReader.Result r = VoiceConfigReader.read(VoiceFixtures.voiceNode("""
                voice:
                  languages: [zh, yue]
                  templates:
                    yue:
                      call: "{chime} 請 {ticket} 號 到 {counter} 號窗口"
                """));
        assertEquals(List.of("voice.templates.yue: missing recall, precall, unavailable (there is no default "
                + "wording for 'yue')"), r.errors());
    }

    @Test
    void durationsAreWrittenAsInTheRestOfTheFile() {
        VoiceConfig c = VoiceFixtures.config("""
                voice:
                  warmUp: 1s500ms
                  gap: 120ms
                  pause: PT0.25S
                  repeatGap: 3s
                """);
        assertEquals(Duration.ofMillis(1500), c.warmUp());
        assertEquals(Duration.ofMillis(120), c.gap());
        assertEquals(Duration.ofMillis(250), c.pause());
        assertEquals(Duration.ofSeconds(3), c.repeatGap());
    }

    @Test
    void voiceDurations_refuseFormsTheRestOfTheFileRefuses_bareNumbersAndFractions() {
        VoiceConfigReader.Result r = VoiceConfigReader.read(VoiceFixtures.voiceNode("""
                voice:
                  warmUp: 1.5s
                  gap: 120
                  pause: 6s
                """));
        assertEquals(List.of(
                "voice.warmUp: expected a duration from 0s to 10s, got '1.5s'; write it like 250ms, 90s, 5m, 1h30m or PT5M",
                "voice.gap: expected a duration from 0s to 5s, got 120; a bare number has no unit: write e.g. '120m'"
                        + " for minutes or '120s' for seconds",
                "voice.pause: expected a duration from 0s to 5s, got '6s'"), r.errors());
    }

    @Test
    void relativeClipDirectoryIsResolvedAgainstTheHallFile() {
        VoiceConfigReader.Result r = VoiceConfigReader.read(
                VoiceFixtures.voiceNode("voice: { clipDirectory: voice/our-hall }"), Path.of("/etc/hallq"));
        assertEquals(Optional.of(Path.of("/etc/hallq/voice/our-hall")), r.config().clipDirectory());
        assertFalse(VoiceConfigReader.read(VoiceFixtures.voiceNode("voice: [1]")).ok());
    }
}
