package io.hallq.controller.voice;

/**
 * What the announcer reports, called on its playback thread (except {@link #dropped} for announcements still
 * queued when {@link Announcer#close()} runs, called on the closing thread). Implementations must be quick and
 * must not wait on the announcer. Exceptions thrown here are logged and ignored.
 */
public interface VoiceListener {

    /** Device names used in alarms. */
    String AUDIO_OUTPUT = "audio-output";
    String AMPLIFIER = "amplifier";

    /** Listens to nothing. */
    VoiceListener NONE = new VoiceListener() {
    };

    /** A device failed ({@link #AUDIO_OUTPUT} or {@link #AMPLIFIER}); raised once until it recovers. */
    default void deviceAlarm(String device, String detail) {
    }

    /** A device that raised an alarm works again. */
    default void deviceRecovered(String device) {
    }

    /** The announcement was played whole. */
    default void played(Announcement announcement) {
    }

    /** The announcement was not played (or not whole), with why. */
    default void dropped(Announcement announcement, String reason) {
    }
}
