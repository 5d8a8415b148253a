package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Live status, retained, republished on change and at the configured interval.
 *
 * @param lastSeq  the sequence number of the latest event this status reflects
 * @param services by service code
 * @param notice   the notice on the hall board, or null
 */
public record HallStatus(@JsonProperty(required = true) int v,
                         @JsonProperty(required = true) String hall,
                         @JsonProperty(required = true) String nameZh,
                         @JsonProperty(required = true) String nameEn,
                         @JsonProperty(required = true) Instant at,
                         @JsonProperty(required = true) long lastSeq,
                         @JsonProperty(required = true) int openCounters,
                         @JsonProperty(required = true) BusyLevel busy,
                         @JsonProperty(required = true) Map<String, ServiceStatus> services,
                         @JsonProperty(required = true) List<ActiveAlarm> alarms,
                         Notice notice) implements MqttMessage {

    public HallStatus {
        Require.version(v);
        Require.segment("hall", hall);
        Require.text("nameZh", nameZh);
        Require.text("nameEn", nameEn);
        Require.present("at", at);
        Require.present("busy", busy);
        services = Require.map("services", services);
        alarms = Require.list("alarms", alarms);
    }

    /** How busy the hall is, from its alarms: crowded = escalation, busy = early warning. */
    public enum BusyLevel { QUIET, NORMAL, BUSY, CROWDED }

    /**
     * @param waitingByClass         waiting tickets by customer class code (classes with none are left out)
     * @param estimatedWaitSeconds   for a ticket taken now; -1 when no open counter takes the service
     */
    public record ServiceStatus(@JsonProperty(required = true) boolean enabled,
                                @JsonProperty(required = true) int waiting,
                                @JsonProperty(required = true) Map<String, Integer> waitingByClass,
                                @JsonProperty(required = true) long estimatedWaitSeconds) {
        public ServiceStatus {
            waitingByClass = Require.map("waitingByClass", waitingByClass);
        }
    }

    public record ActiveAlarm(@JsonProperty(required = true) String alarmId,
                              @JsonProperty(required = true) AlarmKind kind,
                              @JsonProperty(required = true) String messageZh,
                              @JsonProperty(required = true) String messageEn,
                              @JsonProperty(required = true) Instant since,
                              String cause) {
        public ActiveAlarm {
            Require.text("alarmId", alarmId);
            Require.present("kind", kind);
            Require.present("messageZh", messageZh);
            Require.present("messageEn", messageEn);
            Require.present("since", since);
        }

        /** An alarm without a cause code. */
        public ActiveAlarm(String alarmId, AlarmKind kind, String messageZh, String messageEn, Instant since) {
            this(alarmId, kind, messageZh, messageEn, since, null);
        }
    }

    /** A notice shown on the hall board until {@code until}. */
    public record Notice(@JsonProperty(required = true) String textZh,
                         @JsonProperty(required = true) String textEn,
                         @JsonProperty(required = true) Instant until,
                         @JsonProperty(required = true) String issuer) {
        public Notice {
            Require.text("textZh", textZh);
            Require.text("textEn", textEn);
            Require.present("until", until);
            Require.text("issuer", issuer);
        }
    }
}
