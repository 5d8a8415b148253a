package io.hallq.emulator;

import io.hallq.controller.voice.Announcement;
import io.hallq.controller.voice.VoiceListener;
import org.tinylog.Logger;

/** The emulator's ear: logs what was announced and any audio device alarm. */
final class VoiceAlarmLog implements VoiceListener {

    @Override
    public void deviceAlarm(String device, String detail) {
        Logger.warn("设备告警 Device alarm: {}: {}", device, detail);
    }

    @Override
    public void deviceRecovered(String device) {
        Logger.info("设备恢复 Device recovered: {}", device);
    }

    @Override
    public void played(Announcement announcement) {
        Logger.info("广播 Announced {}", announcement.describe());
    }

    @Override
    public void dropped(Announcement announcement, String reason) {
        Logger.warn("广播未播放 Announcement dropped: {}: {}", announcement.describe(), reason);
    }
}
