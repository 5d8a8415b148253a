package io.hallq.controller.config;

import static io.hallq.controller.config.ConfigScalar.BOOLEAN;

import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.controller.config.QueueRules.TransferMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads the optional sections {@code alarms}, {@code rules} and {@code journal}; each may be left out entirely. */
final class SettingsReader {

    static final AlarmConfig DEFAULT_ALARMS = new AlarmConfig(2, 3, Duration.ofMinutes(5), true);
    static final QueueRules DEFAULT_RULES =
            new QueueRules(2, true, TransferMode.KEEP_ARRIVAL, Duration.ofMinutes(10), true, 20);
    static final int DEFAULT_RETENTION_DAYS = 60;
    static final int DEFAULT_SNAPSHOT_EVERY = 2000;

    private static final ConfigScalar<Double> PER_COUNTER =
            ConfigScalar.NUMBER.where(d -> d > 0, "a number more than 0");
    private static final ConfigScalar<Duration> NOT_NEGATIVE =
            ConfigScalar.DURATION.where(d -> !d.isNegative(), "a duration of 0 or more");
    private static final ConfigScalar<String> DIRECTORY =
            ConfigScalar.TEXT.where(s -> !s.isBlank(), "a directory path");

    private SettingsReader() {}

    static AlarmConfig alarms(ConfigNode root) {
        ConfigNode n = root.key("alarms")
                .mapping("earlyWarningPerCounter", "escalationPerCounter", "escalationAfter", "ticketOverdue",
                        "precall");
        AlarmConfig d = DEFAULT_ALARMS;
        return new AlarmConfig(
                n.key("earlyWarningPerCounter").get(PER_COUNTER, d.earlyWarningPerCounter()),
                n.key("escalationPerCounter").get(PER_COUNTER, d.escalationPerCounter()),
                n.key("escalationAfter").get(NOT_NEGATIVE, d.escalationAfter()),
                n.key("ticketOverdue").get(BOOLEAN, d.ticketOverdue()),
                precall(n.key("precall")));
    }

    /** {@code alarms.precall}: the pre-call rule shared by the board and the voice. */
    static PreCallConfig precall(ConfigNode node) {
        ConfigNode n = node.mapping("enabled", "count", "minWaiting", "quietHours");
        PreCallConfig d = PreCallConfig.DEFAULT;
        java.util.List<PreCallConfig.Window> quiet = new java.util.ArrayList<>();
        for (ConfigNode w : n.key("quietHours").list("windows {from: \"HH:MM\", to: \"HH:MM\"}")) {
            ConfigNode m = w.requiredMapping("from", "to");
            java.util.Optional<java.time.LocalTime> from = m.key("from").required(ConfigScalar.TIME_OF_DAY);
            java.util.Optional<java.time.LocalTime> to = m.key("to").required(ConfigScalar.TIME_OF_DAY);
            if (from.isPresent() && to.isPresent()) {
                if (from.get().equals(to.get())) {
                    m.key("to").error("expected a time other than 'from' (" + from.get() + ")");
                } else {
                    quiet.add(new PreCallConfig.Window(from.get(), to.get()));
                }
            }
        }
        return new PreCallConfig(
                n.key("enabled").get(BOOLEAN, d.enabled()),
                n.key("count").get(ConfigScalar.integer(1, PreCallConfig.MAX_COUNT), d.count()),
                n.key("minWaiting").get(ConfigScalar.integer(1, 10_000), d.minWaiting()),
                quiet);
    }

    static QueueRules rules(ConfigNode root) {
        ConfigNode n = root.key("rules").mapping("recallLimit", "noShowRequeue", "transferMode", "transferPriority",
                "vipRoomOverflow", "estimateWindow", "selection");
        QueueRules d = DEFAULT_RULES;
        return new QueueRules(
                n.key("recallLimit").get(ConfigScalar.integer(0, 9), d.recallLimit()),
                n.key("noShowRequeue").get(BOOLEAN, d.noShowRequeue()),
                n.key("transferMode").get(ConfigScalar.oneOf(TransferMode.class), d.transferMode()),
                n.key("transferPriority").get(ClassesReader.HEAD_START, d.transferPriority()),
                n.key("vipRoomOverflow").get(BOOLEAN, d.vipRoomOverflow()),
                n.key("estimateWindow").get(ConfigScalar.integer(1, 500), d.estimateWindow()),
                n.key("selection").get(ConfigScalar.oneOf(SelectionPolicy.class), d.selection()));
    }

    /**
     * @param hallId  names the default directory {@code data/<hall id>}
     * @param baseDir the config file's folder: relative directories are taken from there, not from wherever the
     *                controller happened to be started
     */
    static JournalConfig journal(ConfigNode root, String hallId, Path baseDir) {
        ConfigNode n = root.key("journal").mapping("dataDir", "retentionDays", "snapshotEvery", "profileWeeks");
        String dataDir = n.key("dataDir").get(DIRECTORY, "data/" + hallId);
        int retentionDays = n.key("retentionDays").get(ConfigScalar.integer(1, 3650), DEFAULT_RETENTION_DAYS);
        int profileWeeks = n.key("profileWeeks").get(ConfigScalar.integer(1, 52), JournalConfig.DEFAULT_PROFILE_WEEKS);
        int maxWeeks = JournalConfig.maxProfileWeeks(retentionDays);
        if (profileWeeks > maxWeeks && n.key("profileWeeks").isGiven()) {
            n.key("profileWeeks").error("expected at most " + maxWeeks + " (the journal keeps " + retentionDays
                    + " days, journal.retentionDays), got " + profileWeeks);
        }
        return new JournalConfig(
                resolve(n.key("dataDir"), dataDir, baseDir), retentionDays,
                n.key("snapshotEvery").get(ConfigScalar.integer(100, 1_000_000), DEFAULT_SNAPSHOT_EVERY),
                Math.min(profileWeeks, maxWeeks));
    }

    private static String resolve(ConfigNode n, String dataDir, Path baseDir) {
        try {
            return baseDir.toAbsolutePath().resolve(dataDir).normalize().toString();
        } catch (InvalidPathException e) {
            n.reject("a directory path (" + e.getReason() + ")");
            return baseDir.toAbsolutePath().toString();
        }
    }
}
