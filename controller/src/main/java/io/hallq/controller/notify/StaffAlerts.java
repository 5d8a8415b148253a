package io.hallq.controller.notify;

import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.Audience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiered staff alerts (seed 003): an alarm of a configured kind tells the tier-0 contacts (the on-duty manager);
 * still active {@code escalateAfter} after the last alert, it goes to the next tier (area manager), and so on up
 * to the top tier. Cleared alarms stop. Ids are "day/alarmId@raisedAt/t{tier}/{contact}", so a restart neither
 * repeats nor skips a tier. Owned by the notification worker.
 */
final class StaffAlerts {

    /** An active alarm and how far it has been escalated. */
    static final class Active {
        final AlarmRaised alarm;
        int tier = -1;
        Instant lastAlert;

        Active(AlarmRaised alarm) {
            this.alarm = alarm;
        }

        String key() {
            return alarm.alarmId() + "@" + alarm.at().getEpochSecond();
        }
    }

    private final NotifyConfig.Staff settings;
    private final Map<String, Active> active = new LinkedHashMap<>();

    StaffAlerts(NotifyConfig.Staff settings) {
        this.settings = settings;
    }

    void raised(AlarmRaised a) {
        if (settings.alarms().contains(a.kind()) && !active.containsKey(a.alarmId())) {
            active.put(a.alarmId(), new Active(a));
        }
    }

    void cleared(String alarmId) {
        active.remove(alarmId);
    }

    /** A staff alert found in the journal: that tier was told. */
    void alerted(HallEvent.NotificationRequested r) {
        Active a = r.alarmId() == null ? null : active.get(r.alarmId());
        if (a != null && r.id().contains("/" + a.key() + "/") && r.tier() >= a.tier) {
            a.tier = r.tier();
            a.lastAlert = r.at();
        }
    }

    void clear() {
        active.clear();
    }

    List<Active> active() {
        return List.copyOf(active.values());
    }

    /** The alerts due at {@code now}: a first alert for new alarms, the next tier for alarms left unresolved. */
    List<HallEvent.NotificationRequested> due(Instant now, String day, NotifyConfig.Templates templates,
                                              String hallZh, String hallEn) {
        List<HallEvent.NotificationRequested> out = new ArrayList<>();
        for (Active a : active.values()) {
            int next;
            if (a.tier < 0) {
                next = 0;
            } else if (!now.isBefore(a.lastAlert.plus(settings.escalateAfter())) && a.tier < settings.topTier()) {
                next = a.tier + 1;
            } else {
                continue;
            }
            for (NotifyConfig.Contact c : settings.tier(next)) {
                boolean zh = c.language().equals("zh");
                String level = next == 0 ? (zh ? "" : "") : (zh ? "(已升级,第" + next + "级)" : "(escalated, tier "
                        + next + ")");
                String text = templates.render(c.language(), Purpose.STAFF_ALERT, Map.of(
                        "hall", zh ? hallZh : hallEn, "level", level,
                        "alarm", zh ? a.alarm.messageZh() : a.alarm.messageEn()));
                out.add(new HallEvent.NotificationRequested(now, day + "/" + a.key() + "/t" + next + "/" + c.id(),
                        "sms", Audience.STAFF, c.id(), Purpose.STAFF_ALERT, null, a.alarm.alarmId(), next,
                        c.language(), text));
            }
            // a tier with no contacts is skipped: the next loop escalates past it after escalateAfter
            a.tier = next;
            a.lastAlert = now;
        }
        return out;
    }
}
