package io.hallq.controller.sync;

import io.hallq.controller.config.HallInfo;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.queue.Estimator;
import io.hallq.controller.queue.QueueView;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.mqtt.HallStatus;
import io.hallq.protocol.mqtt.HallStatus.ActiveAlarm;
import io.hallq.protocol.mqtt.HallStatus.BusyLevel;
import io.hallq.protocol.mqtt.HallStatus.ServiceStatus;
import io.hallq.protocol.mqtt.MqttCodec;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the live status from the queue state; runs inside {@code hall.query}, so it only reads and counts. */
final class StatusBuilder {

    private StatusBuilder() {}

    static HallStatus build(QueueView s, long lastSeq, Instant at) {
        HallStatus.Notice notice = s.notice(at).map(NoticeBoard::toStatus).orElse(null);
        HallInfo info = s.config().hall();
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        // every service's stated wait from one forecast, not one forecast per service: the status is built up to
        // once a second on the writer while a hall is busy (docs/benchmarks.md, "Sixth session")
        Map<String, Long> waits = s.waitNowAll(at);
        for (ServiceConfig svc : s.config().services()) {
            services.put(svc.code(), service(s, svc, waits.get(svc.code())));
        }
        List<ActiveAlarm> alarms = s.alarms().values().stream()
                .sorted(Comparator.comparing(HallEvent.AlarmRaised::at).thenComparing(HallEvent.AlarmRaised::alarmId))
                .map(a -> new ActiveAlarm(a.alarmId(), a.kind(), a.messageZh(), a.messageEn(), a.at(), a.cause())).toList();
        return new HallStatus(MqttCodec.VERSION, info.id(), info.nameZh(), info.nameEn(), at, lastSeq,
                (int) s.openCounters(), busy(s), services, alarms, notice);
    }

    /**
     * The wait is {@link Estimator#waitNow} ({@link Estimator#waitNowAll} gives it for every service): what a walk-in
     * would be told, -1 while no open counter takes it.
     */
    private static ServiceStatus service(QueueView s, ServiceConfig svc, long wait) {
        Map<String, Integer> byClass = new HashMap<>(s.waitingByClass(svc.code()));
        HallEvent.ServiceChanged state = s.serviceState(svc.code());
        boolean enabled = state == null ? svc.enabled() : state.enabled();
        return new ServiceStatus(enabled, s.waitingCount(svc.code()), byClass, wait);
    }

    private static BusyLevel busy(QueueView s) {
        var kinds = s.alarms().values().stream().map(HallEvent.AlarmRaised::kind).toList();
        if (kinds.contains(AlarmKind.ESCALATION)) {
            return BusyLevel.CROWDED;
        }
        if (kinds.contains(AlarmKind.EARLY_WARNING)) {
            return BusyLevel.BUSY;
        }
        return s.waitingCount() > 0 ? BusyLevel.NORMAL : BusyLevel.QUIET;
    }
}
