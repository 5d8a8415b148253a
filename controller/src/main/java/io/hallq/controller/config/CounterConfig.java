package io.hallq.controller.config;

import java.time.Duration;
import java.util.List;

/**
 * A counter (窗口) and the tickets it takes.
 *
 * @param profile     which services and classes this counter serves; an empty profile takes nothing
 * @param vipRoom     the counter is in the VIP room: it takes VIP-room classes first, ordinary tickets only
 *                    when idle and {@link QueueRules#vipRoomOverflow()} allows it
 * @param openAtStart open when a business day starts
 */
public record CounterConfig(int number, String nameZh, String nameEn, boolean vipRoom, boolean openAtStart,
                            List<ProfileEntry> profile) {

    public CounterConfig {
        String self = "CounterConfig " + number;
        ConfigChecks.given(nameZh, self, "nameZh");
        ConfigChecks.given(nameEn, self, "nameEn");
        profile = List.copyOf(ConfigChecks.given(profile, self, "profile"));
    }

    /**
     * One line of a counter's priority profile.
     *
     * @param service the service code
     * @param classes class codes taken for this service; empty means every class
     * @param weight  extra head start this counter gives the service (its "primary" services get more)
     */
    public record ProfileEntry(String service, List<String> classes, Duration weight) {
        public ProfileEntry {
            ConfigChecks.given(service, "ProfileEntry", "service");
            classes = List.copyOf(ConfigChecks.given(classes, "ProfileEntry " + service, "classes"));
            // a negative weight is not refused here: a profile also arrives in commands (web, MQTT), and the
            // engine rejects it there with its own reason
            ConfigChecks.given(weight, "ProfileEntry " + service, "weight");
        }

        public boolean accepts(String serviceCode, String classCode) {
            return service.equals(serviceCode) && (classes.isEmpty() || classes.contains(classCode));
        }
    }
}
