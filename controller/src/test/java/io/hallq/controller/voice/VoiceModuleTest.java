package io.hallq.controller.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.HallConfigBuilder;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.queue.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceModuleTest {

    @TempDir
    Path dir;

    private LoadedConfig hall(String voiceYaml) throws Exception {
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml")).replaceAll("(?m)^voice:[\\s\\S]*?(?=^\\S)", "")
                + "\n" + voiceYaml;
        LoadedConfig loaded = HallConfigLoader.parseWithRoot(yaml, "hall.yaml", dir);
        HallConfig changed = HallConfigBuilder.from(loaded.config()).journalIn(dir.resolve("journal"), 30, 1000).build();
        return new LoadedConfig(changed, loaded.root(), loaded.file());
    }

    /** The example hall with its {@code alarms:} section replaced (the pre-call rule lives there). */
    private LoadedConfig hall(String voiceYaml, String alarmsYaml) throws Exception {
        return hall(voiceYaml, alarmsYaml, "journal");
    }

    private LoadedConfig hall(String voiceYaml, String alarmsYaml, String journal) throws Exception {
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"))
                .replaceAll("(?m)^voice:[\\s\\S]*?(?=^\\S)", "")
                .replaceAll("(?m)^alarms:[\\s\\S]*?(?=^\\S)", "")
                + "\n" + voiceYaml + "\n" + alarmsYaml;
        LoadedConfig loaded = HallConfigLoader.parseWithRoot(yaml, "hall.yaml", dir);
        HallConfig changed = HallConfigBuilder.from(loaded.config()).journalIn(dir.resolve(journal), 30, 1000).build();
        return new LoadedConfig(changed, loaded.root(), loaded.file());
    }

    /** Records what the announcer played, for waiting on it. */
    private static final class Played implements VoiceListener {
        final java.util.concurrent.BlockingQueue<Announcement> queue = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void played(Announcement a) {
            queue.add(a);
        }

        Announcement next() throws InterruptedException {
            Announcement a = queue.poll(30, TimeUnit.SECONDS);
            assertTrue(a != null, "nothing played within 30 s");
            return a;
        }
    }

    private static final String CROWDED = """
            alarms:
              earlyWarningPerCounter: 0.1
              precall: { count: 2, minWaiting: 2 }
            """;

    @Test
    void whileTheEarlyWarningIsActive_aCallIsFollowedByThePreCallOfTheServicesNextTickets() throws Exception {
        WavFileSink sink = WavFileSink.perAnnouncement(dir.resolve("wav"));
        Played played = new Played();
        VoiceModule voice = new VoiceModule(() -> sink, on -> { }, played);
        LoadedConfig loaded = hall("voice:\n  repeat: 1\n  languages: [zh, en]\n", CROWDED);
        try (HallRuntime rt = HallRuntime.start(loaded, TestHalls.runningFrom(TestHalls.MONDAY_10AM),
                List.of(voice))) {
            for (int i = 0; i < 4; i++) {
                rt.hall().submit(Command.IssueTicket.walkIn("PAY")).get(10, TimeUnit.SECONDS);
            }
            rt.hall().submit(new Command.CallNext(4)).get(10, TimeUnit.SECONDS);
            assertEquals(new Announcement.Call("E001", 4), played.next());
            assertEquals(new Announcement.PreCall(List.of("E002", "E003")), played.next());
            assertTrue(voice.awaitIdle(Duration.ofSeconds(30)));
        }
        // the WAV is the pre-call's rendering, sample for sample in length: 请 E002 E003 号 做好准备 / Numbers ...
        Path wav = sink.files().get(1);
        assertTrue(wav.getFileName().toString().contains("precall-e002-e003"), wav.toString());
        VoiceConfig cfg = VoiceConfigReader.read(loaded.root().path("voice")).config();
        Rendering expected = new AnnouncementRenderer(cfg, VoiceFixtures.shippedClips(cfg))
                .render(new Announcement.PreCall(List.of("E002", "E003")));
        long samples = expected.segments().stream().mapToLong(Rendering.Segment::length).sum();
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(samples, in.getFrameLength());
        }
        Rendering oneTicket = new AnnouncementRenderer(cfg, VoiceFixtures.shippedClips(cfg))
                .render(new Announcement.PreCall(List.of("E002")));
        assertTrue(oneTicket.segments().stream().mapToLong(Rendering.Segment::length).sum() < samples);
    }

    @Test
    void withoutTheEarlyWarning_orInPreCallQuietHours_aCallIsNotFollowedByAPreCall() throws Exception {
        for (String alarms : List.of(
                "alarms:\n  earlyWarningPerCounter: 50\n  precall: { count: 2, minWaiting: 1 }\n",
                "alarms:\n  earlyWarningPerCounter: 0.1\n  precall: { count: 2, minWaiting: 1, "
                        + "quietHours: [{ from: \"09:00\", to: \"11:00\" }] }\n")) {
            WavFileSink sink = WavFileSink.perAnnouncement(dir.resolve("wav-" + alarms.length()));
            Played played = new Played();
            VoiceModule voice = new VoiceModule(() -> sink, on -> { }, played);
            try (HallRuntime rt = HallRuntime.start(hall("voice:\n  repeat: 1\n  languages: [zh]\n", alarms,
                    "journal-" + alarms.length()),
                    TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(voice))) {
                for (int i = 0; i < 4; i++) {
                    rt.hall().submit(Command.IssueTicket.walkIn("PAY")).get(10, TimeUnit.SECONDS);
                }
                rt.hall().submit(new Command.CallNext(4)).get(10, TimeUnit.SECONDS);
                assertEquals(new Announcement.Call("E001", 4), played.next());
                // a second call: had the first been followed by a pre-call, it would come before this one
                rt.hall().submit(new Command.CallNext(4)).get(10, TimeUnit.SECONDS);
                assertEquals(new Announcement.Call("E002", 4), played.next(), alarms);
            }
        }
    }

    @Test
    void callsAndRecalls_areAnnouncedInOrder_asWavFiles() throws Exception {
        WavFileSink sink = WavFileSink.perAnnouncement(dir.resolve("wav"));
        VoiceModule voice = new VoiceModule(() -> sink, on -> { }, VoiceListener.NONE);
        try (HallRuntime rt = HallRuntime.start(hall("voice:\n  repeat: 1\n  languages: [zh]\n"),
                TestHalls.runningFrom(TestHalls.MONDAY_10AM),
                List.of(voice))) {
            rt.hall().submit(Command.IssueTicket.walkIn("PAY")).get(10, TimeUnit.SECONDS);
            rt.hall().submit(new Command.CallNext(4)).get(10, TimeUnit.SECONDS);
            // effects run after durability, on their own thread: the voice has the call once its file is written
            Await.until("the call's WAV file", Duration.ofSeconds(30), () -> sink.files().size() >= 1);
            assertTrue(voice.awaitIdle(Duration.ofSeconds(30)));
            rt.hall().submit(new Command.Recall(4)).get(10, TimeUnit.SECONDS);
            Await.until("the recall's WAV file", Duration.ofSeconds(30), () -> sink.files().size() >= 2);
            assertTrue(voice.awaitIdle(Duration.ofSeconds(30)));
        }
        List<String> names = sink.files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.get(0).contains("call") && names.get(0).contains("e001"), names.toString());
        assertTrue(names.get(1).contains("recall") && names.get(1).contains("e001"), names.toString());
        assertTrue(Files.size(sink.files().get(0)) > 10_000);
    }

    @Test
    void missingAudioDevice_isAJournaledDeviceAlarm_andTheHallKeepsWorking() throws Exception {
        AudioSink broken = new AudioSink() {
            @Override
            public OpenResult open(PcmFormat format, String label) {
                return new Unavailable("no sound card");
            }

            @Override
            public void write(byte[] pcm, int offset, int length) {
                throw new AssertionError("never opened");
            }

            @Override
            public void drain() {
            }

            @Override
            public void close() {
            }
        };
        VoiceModule voice = new VoiceModule(() -> broken, on -> { }, VoiceListener.NONE);
        try (HallRuntime rt = HallRuntime.start(hall("voice:\n  repeat: 1\n"), TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(voice))) {
            rt.hall().submit(Command.IssueTicket.walkIn("PAY")).get(10, TimeUnit.SECONDS);
            rt.hall().submit(new Command.CallNext(4)).get(10, TimeUnit.SECONDS);
            // effects run after durability, on their own thread, and the alarm is a command the voice submits
            Await.until("the voice's device alarm is journaled", Duration.ofSeconds(30), () -> rt.hall()
                    .query(s -> s.alarms().keySet().stream().anyMatch(a -> a.startsWith("DEVICE:voice-"))).join());
            assertTrue(voice.awaitIdle(Duration.ofSeconds(30)));
            var alarms = rt.hall().query(s -> List.copyOf(s.alarms().keySet())).get(10, TimeUnit.SECONDS);
            assertTrue(alarms.stream().anyMatch(a -> a.startsWith("DEVICE:voice-")), alarms.toString());
            assertTrue(rt.hall().submit(Command.IssueTicket.walkIn("PAY")).get(10, TimeUnit.SECONDS).accepted());
        }
    }

    @Test
    void anAudioAlarmFromBeforeARestart_isClearedByTheFirstAnnouncementThatPlays() throws Exception {
        String alarmId = "DEVICE:" + VoiceModule.DEVICE_PREFIX + VoiceListener.AUDIO_OUTPUT;
        try (HallRuntime rt = HallRuntime.start(hall("voice:\n  repeat: 1\n"),
                TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of())) { // the speaker failed before the cut
            rt.hall().submit(new Command.DeviceFault(VoiceModule.DEVICE_PREFIX + VoiceListener.AUDIO_OUTPUT,
                    "广播设备故障:无声卡", "Announcement device fault: no sound card")).get(10, TimeUnit.SECONDS);
        }
        WavFileSink sink = WavFileSink.perAnnouncement(dir.resolve("wav"));
        VoiceModule voice = new VoiceModule(() -> sink, on -> { }, VoiceListener.NONE);
        try (HallRuntime rt = HallRuntime.start(hall("voice:\n  repeat: 1\n"),
                TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(voice))) {
            assertTrue(rt.hall().query(s -> s.alarms().containsKey(alarmId)).get(10, TimeUnit.SECONDS),
                    "still raised after the start: nothing has played yet");
            rt.hall().submit(Command.IssueTicket.walkIn("PAY")).get(10, TimeUnit.SECONDS);
            rt.hall().submit(new Command.CallNext(4)).get(10, TimeUnit.SECONDS);
            Await.until("the call's WAV file", Duration.ofSeconds(30), () -> sink.files().size() >= 1);
            assertTrue(voice.awaitIdle(Duration.ofSeconds(30)));
            // the recovery is a command the voice submits after the call played
            Await.within(Duration.ofSeconds(10), () -> !rt.hall().query(s -> s.alarms().containsKey(alarmId)).join());
            assertFalse(rt.hall().query(s -> s.alarms().containsKey(alarmId)).get(10, TimeUnit.SECONDS),
                    "the call played: the sound works again");
        }
    }

    @Test
    void badVoiceSection_stopsTheStart_namingTheFileAndKey() {
        VoiceModule voice = new VoiceModule(() -> WavFileSink.perAnnouncement(dir), on -> { }, VoiceListener.NONE);
        ConfigException e = assertThrows(ConfigException.class, () -> HallRuntime.start(
                hall("voice:\n  repeat: lots\n"), TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(voice)).close());
        assertTrue(e.getMessage().contains("hall.yaml: voice.repeat"), e.getMessage());
    }

    @Test
    void keepLast_prunesTheOldestFiles() throws Exception {
        WavFileSink sink = WavFileSink.perAnnouncement(dir.resolve("few"), 2);
        for (String label : List.of("one", "two", "three")) {
            assertEquals(AudioSink.OPENED, sink.open(PcmFormat.MONO_16K, label));
            sink.write(new byte[320], 0, 320);
            sink.drain();
            sink.close();
        }
        try (var files = Files.list(dir.resolve("few"))) {
            assertEquals(List.of("0002-two.wav", "0003-three.wav"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertThrows(IllegalArgumentException.class, () -> WavFileSink.perAnnouncement(dir, 0));
    }
}
