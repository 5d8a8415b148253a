package io.hallq.controller.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code web} section of the hall configuration.
 *
 * @param enabled        false runs the hall without any web server
 * @param bind           address to listen on ("127.0.0.1" for the emulator, "0.0.0.0" in a hall)
 * @param port           TCP port; 0 picks a free one (tests)
 * @param publicUrl      how phones on the hall Wi-Fi reach this server, for the ticket's QR code; null means
 *                       {@code http://<bind>:<port>}
 * @param sessionTimeout a login ends after this long without a request
 * @param lockoutAfter   failed logins in a row that lock a user name
 * @param lockoutFor     how long it stays locked
 */
public record WebConfig(boolean enabled, String bind, int port, String publicUrl, Duration sessionTimeout,
                        int lockoutAfter, Duration lockoutFor, List<WebUser> users) {

    public WebConfig {
        users = List.copyOf(users);
    }

    public Optional<WebUser> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** What a login may do. */
    public enum Role {
        /** Issues tickets only: a self-service kiosk or another dispenser front end. */
        KIOSK,
        /** Works the counters listed for the user. */
        STAFF,
        /** Everything: services, counters, profiles, alarms, statistics, any counter's keys. */
        MANAGER
    }

    /**
     * A login.
     *
     * @param passwordHash as made by {@code HashPassword} ({@link PasswordHash} format)
     * @param counters     the counters a staff user may work; ignored for other roles
     */
    public record WebUser(String name, Role role, List<Integer> counters, String passwordHash) {
        public WebUser {
            counters = List.copyOf(counters);
        }

        public boolean mayWork(int counter) {
            return role == Role.MANAGER || (role == Role.STAFF && counters.contains(counter));
        }
    }
}
