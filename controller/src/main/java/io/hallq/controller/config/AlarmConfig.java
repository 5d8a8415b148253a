package io.hallq.controller.config;

import java.time.Duration;

/**
 * Alarm thresholds from the hall rules (domain.md): early warning when the waiting count per open counter
 * exceeds {@code earlyWarningPerCounter}; escalation when the count per open counter, the customers being
 * served included, exceeds {@code escalationPerCounter} for {@code escalationAfter}; a ticket is overdue
 * when it has waited past its class target. {@code precall}: what the board shows and the voice says while
 * the early warning is active.
 */
public record AlarmConfig(double earlyWarningPerCounter, double escalationPerCounter, Duration escalationAfter,
                          boolean ticketOverdue, PreCallConfig precall) {

    public AlarmConfig {
        ConfigChecks.require(earlyWarningPerCounter > 0, "AlarmConfig",
                "earlyWarningPerCounter must be more than 0, got " + earlyWarningPerCounter);
        ConfigChecks.require(escalationPerCounter > 0, "AlarmConfig",
                "escalationPerCounter must be more than 0, got " + escalationPerCounter);
        ConfigChecks.notNegative(escalationAfter, "AlarmConfig", "escalationAfter");
        precall = precall == null ? PreCallConfig.DEFAULT : precall;
    }

    /** Thresholds with the default pre-call rule. */
    public AlarmConfig(double earlyWarningPerCounter, double escalationPerCounter, Duration escalationAfter,
                       boolean ticketOverdue) {
        this(earlyWarningPerCounter, escalationPerCounter, escalationAfter, ticketOverdue, PreCallConfig.DEFAULT);
    }
}
