package io.hallq.controller.voice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordering, no overlap, nothing cut off, and a caller that is never blocked. */
class AnnouncerQueueTest {

    @TempDir
    Path tmp;

    private final List<String> played = Collections.synchronizedList(new ArrayList<>());
    private final VoiceListener listener = new VoiceListener() {
        @Override
        public void played(Announcement a) {
            played.add(a.describe());
        }
    };

    @Test
    void aBurstOfTenCallsInOneSecondGivesTenWholeOrderedAnnouncements() throws InterruptedException {
        VoiceConfig config = VoiceFixtures.quickConfig();
        ClipSet clips = VoiceFixtures.shippedClips(config);
        RecordingSink sink = new RecordingSink(40); // plays 40x faster than real time, blocking like a device
        List<Announcement> calls = new ArrayList<>();
        long slowestSubmit = 0;
        long burstStart = System.nanoTime();
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, VoiceFixtures.NOON, listener)) {
            for (int i = 1; i <= 10; i++) {
                Announcement call = new Announcement.Call(String.format("A%03d", i), i);
                calls.add(call);
                long t = System.nanoTime();
                assertEquals(Announcer.Submitted.QUEUED, a.announce(call));
                slowestSubmit = Math.max(slowestSubmit, System.nanoTime() - t);
                Thread.sleep(90); // pacing, not waiting: the calls arrive over a second while earlier ones play
            }
            assertTrue(System.nanoTime() - burstStart < 1_500_000_000L, "burst took too long to submit");
            assertTrue(a.awaitIdle(Duration.ofSeconds(30)));
        }
        assertTrue(slowestSubmit < 50_000_000L, "announce blocked the caller for " + slowestSubmit / 1e6 + " ms");
        List<RecordingSink.Played> out = sink.played();
        assertEquals(calls.stream().map(Announcement::describe).toList(),
                out.stream().map(RecordingSink.Played::label).toList(), "all ten, in order");
        assertEquals(calls.stream().map(Announcement::describe).toList(), played);
        AnnouncementRenderer renderer = new AnnouncementRenderer(config, clips);
        for (int i = 0; i < out.size(); i++) {
            assertArrayEquals(renderer.render(calls.get(i)).toPcm(1.0), out.get(i).pcm(), "whole: " + calls.get(i));
            if (i > 0) {
                assertTrue(out.get(i - 1).closeNanos() <= out.get(i).openNanos(), "no overlap at " + i);
            }
        }
    }

    @Test
    void aBurstToWavFilesGivesTenCompleteFiles() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]");
        ClipSet clips = VoiceFixtures.shippedClips(config);
        WavFileSink sink = WavFileSink.perAnnouncement(tmp);
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, VoiceFixtures.NOON, listener)) {
            for (int i = 1; i <= 10; i++) {
                a.announce(new Announcement.Call("C" + (100 + i), 2));
            }
            assertTrue(a.awaitIdle(Duration.ofSeconds(30)));
        }
        assertEquals(10, sink.files().size());
        for (int i = 0; i < 10; i++) {
            assertEquals(String.format("%04d-call-c%d-2.wav", i + 1, 101 + i),
                    sink.files().get(i).getFileName().toString());
            String[] digits = Integer.toString(101 + i).chars().mapToObj(c -> "en/digit-" + (char) c + ".wav")
                    .toArray(String[]::new);
            List<String> names = new ArrayList<>(List.of("en/phrase-number.wav", "en/letter-C.wav"));
            names.addAll(Arrays.asList(digits));
            names.addAll(List.of("en/phrase-go-to-counter.wav", "en/number-2.wav"));
            RenderedWav.assertLayout(RenderedWav.samples(sink.files().get(i)),
                    RenderedWav.spoken(50, names.toArray(String[]::new)), clips, 1.0);
        }
    }

    @Test
    void aRecallJumpsAheadOfQueuedCallsButDoesNotCutOffThePlayingOne() {
        List<String> order = playWhileFirstIsHeld(VoiceFixtures.quickConfig("languages: [en]"));
        assertEquals(List.of("call A001 -> 1", "recall B001 -> 4", "recall B002 -> 5", "call A002 -> 2",
                "call A003 -> 3"), order);
    }

    @Test
    void withoutTheJumpFlagRecallsWaitTheirTurn() {
        List<String> order = playWhileFirstIsHeld(VoiceFixtures.quickConfig("languages: [en]",
                "recallJumpsQueue: false"));
        assertEquals(List.of("call A001 -> 1", "call A002 -> 2", "recall B001 -> 4", "call A003 -> 3",
                "recall B002 -> 5"), order);
    }

    private List<String> playWhileFirstIsHeld(VoiceConfig config) {
        ClipSet clips = VoiceFixtures.shippedClips(config);
        RecordingSink sink = new RecordingSink(0);
        CountDownLatch release = sink.holdNext();
        Announcement first = new Announcement.Call("A001", 1);
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, VoiceFixtures.NOON, listener)) {
            a.announce(first);
            waitUntil(() -> a.queued() == 0);
            a.announce(new Announcement.Call("A002", 2));
            a.announce(new Announcement.Recall("B001", 4));
            a.announce(new Announcement.Call("A003", 3));
            a.announce(new Announcement.Recall("B002", 5));
            assertEquals(4, a.queued());
            release.countDown();
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        assertArrayEquals(new AnnouncementRenderer(config, clips).render(first).toPcm(1.0),
                sink.played().getFirst().pcm(), "the held announcement was played whole");
        return sink.played().stream().map(RecordingSink.Played::label).toList();
    }

    @Test
    void aRecallOfACallNotYetHeard_isMergedIntoIt_neverPlayedBeforeIt() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]");
        ClipSet clips = VoiceFixtures.shippedClips(config);
        RecordingSink sink = new RecordingSink(0);
        CountDownLatch release = sink.holdNext();
        try (Announcer a = Announcer.start(config, clips, sink, on -> { }, VoiceFixtures.NOON, listener)) {
            a.announce(new Announcement.Call("A001", 1));
            waitUntil(() -> a.queued() == 0);
            assertEquals(Announcer.Submitted.QUEUED, a.announce(new Announcement.Call("A002", 2)));
            assertEquals(Announcer.Submitted.MERGED, a.announce(new Announcement.Recall("A002", 2)));
            assertEquals(Announcer.Submitted.QUEUED, a.announce(new Announcement.Recall("A001", 1)));
            release.countDown();
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals(List.of("call A001 -> 1", "recall A001 -> 1", "call A002 -> 2"),
                sink.played().stream().map(RecordingSink.Played::label).toList());
    }

    @Test
    void aFullQueueRefusesWithoutBlockingAndADisabledVoiceSaysSo() {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]", "maxQueued: 3");
        RecordingSink sink = new RecordingSink(0);
        CountDownLatch release = sink.holdNext();
        try (Announcer a = Announcer.start(config, VoiceFixtures.shippedClips(config), sink, on -> { },
                VoiceFixtures.NOON, listener)) {
            a.announce(new Announcement.Call("A001", 1));
            waitUntil(() -> a.queued() == 0);
            for (int i = 2; i <= 4; i++) {
                assertEquals(Announcer.Submitted.QUEUED, a.announce(new Announcement.Call("A00" + i, 1)));
            }
            assertEquals(Announcer.Submitted.QUEUE_FULL, a.announce(new Announcement.Call("A005", 1)));
            release.countDown();
            assertTrue(a.awaitIdle(Duration.ofSeconds(10)));
            a.close();
            assertEquals(Announcer.Submitted.CLOSED, a.announce(new Announcement.Call("A006", 1)));
        }
        assertEquals(4, sink.played().size());
        VoiceConfig off = VoiceFixtures.quickConfig("enabled: false");
        try (Announcer a = Announcer.start(off, VoiceFixtures.shippedClips(off), sink, on -> { },
                VoiceFixtures.NOON, listener)) {
            assertEquals(Announcer.Submitted.DISABLED, a.announce(new Announcement.Call("A007", 1)));
            assertTrue(a.awaitIdle(Duration.ofSeconds(1)));
        }
        assertEquals(4, sink.played().size());
    }

    @Test
    void closingLetsThePlayingOneFinishAndReportsTheQueuedOnesAsDropped() throws InterruptedException {
        VoiceConfig config = VoiceFixtures.quickConfig("languages: [en]");
        RecordingSink sink = new RecordingSink(0);
        CountDownLatch release = sink.holdNext();
        RecordingAmplifier amp = new RecordingAmplifier();
        List<String> dropped = Collections.synchronizedList(new ArrayList<>());
        VoiceListener l = new VoiceListener() {
            @Override
            public void dropped(Announcement a, String reason) {
                dropped.add(a.describe() + ": " + reason);
            }
        };
        Announcer a = Announcer.start(config, VoiceFixtures.shippedClips(config), sink, amp, VoiceFixtures.NOON, l);
        a.announce(new Announcement.Call("A001", 1));
        waitUntil(() -> a.queued() == 0);
        a.announce(new Announcement.Call("A002", 1));
        Thread closer = Thread.ofPlatform().start(a::close);
        waitUntil(() -> closer.getState() == Thread.State.TIMED_WAITING); // close() waits for the playing one
        assertEquals(Announcer.Submitted.CLOSED, a.announce(new Announcement.Call("A003", 1)));
        release.countDown();
        closer.join(10_000);
        assertTrue(a.awaitIdle(Duration.ofSeconds(1)));
        assertEquals(List.of("call A001 -> 1"), sink.played().stream().map(RecordingSink.Played::label).toList());
        assertEquals(List.of("call A002 -> 1: announcer closed"), dropped);
        assertEquals(List.of(true, false), amp.switches().stream().map(RecordingAmplifier.Switch::on).toList());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        io.hallq.controller.Await.until("the announcer's condition", condition);
    }
}
