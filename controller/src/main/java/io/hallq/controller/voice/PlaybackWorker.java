package io.hallq.controller.voice;

import io.hallq.controller.device.AmplifierSwitch;
import org.tinylog.Logger;

import java.time.Clock;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Plays one announcement at a time on the announcer's thread: lay it out, open the sink, switch the amplifier on
 * (waiting its warm-up when it was off), convert and write the PCM in 50 ms chunks, drain, close. Failures
 * become device alarms and dropped announcements; nothing escapes.
 */
final class PlaybackWorker {

    /** Chunk written to the sink at a time. */
    static final int CHUNK_MILLIS = 50;

    private final VoiceConfig config;
    private final AnnouncementRenderer renderer;
    private final PcmFormat format;
    private final AudioSink sink;
    private final AmplifierSwitch amplifier;
    private final Clock clock;
    private final VoiceListener listener;
    private final Set<String> alarms = new HashSet<>();
    private final byte[] chunk;
    private boolean amplifierOn;

    PlaybackWorker(VoiceConfig config, ClipSet clips, AudioSink sink, AmplifierSwitch amplifier, Clock clock,
                   VoiceListener listener, Set<String> failing) {
        this.alarms.addAll(failing);
        this.config = config;
        this.renderer = new AnnouncementRenderer(config, clips);
        this.format = clips.format();
        this.sink = sink;
        this.amplifier = amplifier;
        this.clock = clock;
        this.listener = listener;
        this.chunk = new byte[format.sampleRate() * format.bytesPerFrame() * CHUNK_MILLIS / 1000];
    }

    void play(Announcement announcement) {
        Rendering.PcmReader pcm;
        try {
            pcm = renderer.render(announcement).reader(config.volumeAt(LocalTime.now(clock)));
        } catch (RuntimeException e) {
            Logger.error(e, "voice: cannot render {}", announcement.describe());
            notify(() -> listener.dropped(announcement, "cannot render: " + e.getMessage()));
            return;
        }
        AudioSink.OpenResult opened = openSink(announcement);
        if (opened instanceof AudioSink.Unavailable(String reason)) {
            alarm(VoiceListener.AUDIO_OUTPUT, reason);
            notify(() -> listener.dropped(announcement, reason));
            return;
        }
        try {
            amplifierOn();
            writeAll(pcm);
            sink.drain();
            recovered(VoiceListener.AUDIO_OUTPUT);
            Logger.info("voice: played {}", announcement.describe());
            notify(() -> listener.played(announcement));
        } catch (RuntimeException e) {
            alarm(VoiceListener.AUDIO_OUTPUT, "playing failed: " + e.getMessage());
            notify(() -> listener.dropped(announcement, "cut off: " + e.getMessage()));
        } finally {
            closeSink();
        }
    }

    /** The queue is empty: switch the amplifier off. */
    void idle() {
        if (amplifierOn) {
            amplifierOn = false;
            switchAmplifier(false);
        }
    }

    private AudioSink.OpenResult openSink(Announcement announcement) {
        try {
            return sink.open(format, announcement.describe());
        } catch (RuntimeException e) {
            return new AudioSink.Unavailable("audio output failed to open: " + e);
        }
    }

    private void amplifierOn() {
        if (amplifierOn) {
            return;
        }
        amplifierOn = true;
        if (switchAmplifier(true) && !config.warmUp().isZero()) {
            try {
                Thread.sleep(config.warmUp());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AudioSinkException("interrupted during amplifier warm-up");
            }
        }
    }

    private boolean switchAmplifier(boolean on) {
        try {
            amplifier.set(on);
            recovered(VoiceListener.AMPLIFIER);
            return true;
        } catch (RuntimeException e) {
            alarm(VoiceListener.AMPLIFIER, "cannot switch the amplifier " + (on ? "on" : "off") + ": " + e);
            return false;
        }
    }

    private void writeAll(Rendering.PcmReader pcm) {
        for (int n = pcm.read(chunk); n > 0; n = pcm.read(chunk)) {
            sink.write(chunk, 0, n);
        }
    }

    private void closeSink() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            alarm(VoiceListener.AUDIO_OUTPUT, "closing failed: " + e.getMessage());
        }
    }

    private void alarm(String device, String detail) {
        if (alarms.add(device)) {
            Logger.warn("voice: {} alarm: {}", device, detail);
            notify(() -> listener.deviceAlarm(device, detail));
        } else {
            Logger.debug("voice: {} still failing: {}", device, detail);
        }
    }

    private void recovered(String device) {
        if (alarms.remove(device)) {
            Logger.info("voice: {} works again", device);
            notify(() -> listener.deviceRecovered(device));
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Logger.error(e, "voice: listener failed");
        }
    }
}
