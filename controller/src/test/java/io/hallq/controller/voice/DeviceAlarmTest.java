package io.hallq.controller.voice;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing or failing device is an alarm, never a crash; the announcer keeps working. */
class DeviceAlarmTest {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final VoiceListener listener = new VoiceListener() {
        @Override
        public void deviceAlarm(String device, String detail) {
            events.add("alarm " + device + ": " + detail);
        }

        @Override
        public void deviceRecovered(String device) {
            events.add("recovered " + device);
        }

        @Override
        public void played(Announcement a) {
            events.add("played " + a.describe());
        }

        @Override
        public void dropped(Announcement a, String reason) {
            events.add("dropped " + a.describe() + ": " + reason);
        }
    };

    private final VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]");
    private final ClipSet clips = VoiceFixtures.shippedClips(config);

    @Test
    void missingDeviceRaisesOneAlarmDropsTheAnnouncementsAndRecovers() {
        RecordingSink sink = new RecordingSink(0);
        sink.opener(label -> new AudioSink.Unavailable("no ALSA device 'default'"));
        RecordingAmplifier amp = new RecordingAmplifier();
        try (Announcer a = Announcer.start(config, clips, sink, amp, VoiceFixtures.NOON, listener)) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(Announcer.Submitted.QUEUED, a.announce(new Announcement.Call("A00" + i, 1)));
            }
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
            sink.opener(label -> AudioSink.OPENED);
            assertEquals(Announcer.Submitted.QUEUED, a.announce(new Announcement.Call("A004", 1)));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals(List.of(
                "alarm audio-output: no ALSA device 'default'",
                "dropped call A001 -> 1: no ALSA device 'default'",
                "dropped call A002 -> 1: no ALSA device 'default'",
                "dropped call A003 -> 1: no ALSA device 'default'",
                "recovered audio-output",
                "played call A004 -> 1"), events);
        assertEquals(List.of(true, false), amp.switches().stream().map(RecordingAmplifier.Switch::on).toList(),
                "the amplifier is not switched on for a device that is not there");
    }

    @Test
    void aDeviceFailingMidwayCutsThatAnnouncementOnlyAndRaisesTheAlarm() {
        AtomicBoolean fail = new AtomicBoolean(true);
        RecordingSink recording = new RecordingSink(0);
        AudioSink flaky = new AudioSink() {
            @Override
            public OpenResult open(PcmFormat format, String label) {
                return recording.open(format, label);
            }

            @Override
            public void write(byte[] pcm, int offset, int length) {
                if (fail.getAndSet(false)) {
                    throw new AudioSinkException("device unplugged");
                }
                recording.write(pcm, offset, length);
            }

            @Override
            public void drain() {
            }

            @Override
            public void close() {
                recording.close();
            }
        };
        try (Announcer a = Announcer.start(config, clips, flaky, on -> { }, VoiceFixtures.NOON, listener)) {
            a.announce(new Announcement.Call("A001", 1));
            a.announce(new Announcement.Call("A002", 1));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals(List.of("alarm audio-output: playing failed: device unplugged",
                "dropped call A001 -> 1: cut off: device unplugged",
                "recovered audio-output",
                "played call A002 -> 1"), events);
    }

    @Test
    void amplifierWarmsUpBeforeTheFirstFrameAndGoesOffWhenTheQueueIsEmpty() {
        VoiceConfig warm = VoiceFixtures.quickConfig("languages: [en]", "warmUp: 150ms");
        RecordingSink sink = new RecordingSink(0);
        RecordingAmplifier amp = new RecordingAmplifier();
        try (Announcer a = Announcer.start(warm, clips, sink, amp, VoiceFixtures.NOON, listener)) {
            for (int i = 1; i <= 3; i++) {
                a.announce(new Announcement.Call("A00" + i, 1));
            }
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        List<RecordingAmplifier.Switch> switches = amp.switches();
        assertEquals(List.of(true, false), switches.stream().map(RecordingAmplifier.Switch::on).toList(),
                "one on/off for announcements queued back to back");
        List<RecordingSink.Played> played = sink.played();
        assertEquals(3, played.size());
        assertTrue(played.getFirst().firstWriteNanos() - switches.get(0).nanos() >= 150_000_000L,
                "first frame only after the warm-up");
        assertTrue(switches.get(1).nanos() >= played.getLast().closeNanos(), "off only after the last one");
    }

    @Test
    void aBrokenAmplifierIsAnAlarmButTheAnnouncementStillPlays() {
        RecordingAmplifier amp = new RecordingAmplifier();
        amp.broken(true);
        try (Announcer a = Announcer.start(config, clips, new RecordingSink(0), amp, VoiceFixtures.NOON, listener)) {
            a.announce(new Announcement.Call("A001", 1));
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals("alarm amplifier: cannot switch the amplifier on: java.lang.IllegalStateException: GPIO 17 not "
                + "exported", events.getFirst());
        assertTrue(events.contains("played call A001 -> 1"), events.toString());
    }

    @Test
    void javaSoundWithoutADeviceIsAnAlarmNotACrash() {
        JavaSoundSink sink = new JavaSoundSink();
        AudioSink.OpenResult r = sink.open(PcmFormat.MONO_16K, "probe");
        sink.close();
        try (Announcer a = Announcer.start(config, clips, new JavaSoundSink(), on -> { }, VoiceFixtures.NOON,
                listener)) {
            a.announce(new Announcement.Call("A001", 1));
            assertTrue(a.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(Announcer.Submitted.QUEUED, a.announce(new Announcement.Call("A002", 1)));
            assertTrue(a.awaitIdle(Duration.ofSeconds(30)));
        }
        if (r instanceof AudioSink.Unavailable) {
            assertTrue(events.getFirst().startsWith("alarm audio-output: no audio output for 16000 Hz, mono, 16-bit"),
                    events.toString());
            assertEquals(3, events.size(), "one alarm, two dropped: " + events);
        } else {
            assertEquals(List.of("played call A001 -> 1", "played call A002 -> 1"), events);
        }
    }
}
