package io.hallq.controller.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code web} section of the hall configuration.
 *
 * @param enabled          false runs the hall without any web server
 * @param bind             address to listen on ("127.0.0.1" for the emulator, "0.0.0.0" in a hall)
 * @param port             TCP port; 0 picks a free one (tests)
 * @param publicUrl        how phones on the hall Wi-Fi reach this server, for the ticket's QR code; null means
 *                         {@code http://<bind>:<port>}
 * @param sessionTimeout   a login ends after this long without a request
 * @param lockoutAfter     failed logins in a row that lock a user name
 * @param lockoutFor       how long it stays locked
 * @param tls              HTTPS with a PEM certificate and key, or null for plain HTTP
 * @param staffListener    a listener of its own for the login, staff, manager and kiosk API and pages (the hall
 *                         LAN), or null to serve everything on {@code bind:port}
 * @param ticketsPerMinute tickets one login may issue per minute (a kiosk that is misused cannot use up the day)
 * @param feeds            caps on open live feeds
 * @param idleTimeout      a connection with no traffic this long is closed (live feeds send a heartbeat every 15 s)
 */
public record WebConfig(boolean enabled, String bind, int port, String publicUrl, Duration sessionTimeout,
                        int lockoutAfter, Duration lockoutFor, List<WebUser> users, Tls tls, Listener staffListener,
                        int ticketsPerMinute, FeedLimits feeds, Duration idleTimeout) {

    public WebConfig {
        users = List.copyOf(users);
    }

    /** The defaults of everything added for issue #12 (no TLS, one listener, 20 tickets a minute). */
    public WebConfig(boolean enabled, String bind, int port, String publicUrl, Duration sessionTimeout,
                     int lockoutAfter, Duration lockoutFor, List<WebUser> users) {
        this(enabled, bind, port, publicUrl, sessionTimeout, lockoutAfter, lockoutFor, users, null, null, 20,
                FeedLimits.DEFAULT, Duration.ofSeconds(60));
    }

    public Optional<WebUser> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /**
     * {@code web.tls}: the server's certificate chain and private key, PEM files (relative paths are taken from
     * the config file's folder).
     *
     * @param redirectFrom a plain-HTTP port that answers every request with a redirect to HTTPS, or 0 for none
     */
    public record Tls(String certFile, String keyFile, int redirectFrom) {}

    /** {@code web.staffListener}: address and port of the hall-LAN listener. */
    public record Listener(String bind, int port) {}

    /**
     * Open live feeds allowed at once, per page type, and per client address over all types.
     */
    public record FeedLimits(int board, int ticket, int counter, int manager, int events, int perAddress) {
        public static final FeedLimits DEFAULT = new FeedLimits(20, 500, 60, 20, 10, 8);

        int of(String type) {
            return switch (type) {
                case "board" -> board;
                case "ticket" -> ticket;
                case "counter" -> counter;
                case "manager" -> manager;
                case "events" -> events;
                default -> throw new IllegalArgumentException("no feed type " + type);
            };
        }
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
