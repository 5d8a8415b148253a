package io.hallq.emulator.central;

import io.hallq.protocol.mqtt.HallStatus;
import java.util.Collection;
import java.util.Comparator;

/** Renders the live table of halls as fixed-width text. */
final class HallTable {

    private HallTable() {}

    static String render(Collection<HallRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-20s %-7s %-8s %5s %7s %9s %6s %9s %7s%n", "HALL", "ONLINE", "BUSY", "OPEN",
                "WAITING", "MAX WAIT", "ALARMS", "LAST SEQ", "EVENTS"));
        rows.stream().sorted(Comparator.comparing(HallRow::hall)).forEach(r -> {
            HallStatus s = r.status();
            String online = r.online() == null ? "?" : r.online() ? "yes" : "NO";
            String busy = s == null ? "-" : s.busy().name();
            String open = s == null ? "-" : Integer.toString(s.openCounters());
            String waiting = s == null ? "-" : Integer.toString(
                    s.services().values().stream().mapToInt(HallStatus.ServiceStatus::waiting).sum());
            String maxWait = s == null ? "-" : minutes(
                    s.services().values().stream().mapToLong(HallStatus.ServiceStatus::estimatedWaitSeconds).max()
                            .orElse(-1));
            String alarms = s == null ? "-" : Integer.toString(s.alarms().size());
            b.append(String.format("%-20s %-7s %-8s %5s %7s %9s %6s %9d %7d%n", r.hall(), online, busy, open,
                    waiting, maxWait, alarms, r.lastSeq(), r.events()));
        });
        return b.toString();
    }

    private static String minutes(long seconds) {
        return seconds < 0 ? "-" : (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s";
    }
}
