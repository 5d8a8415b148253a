package io.hallq.controller.web;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigProblems;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.config.PublicUrl;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.controller.web.WebConfig.WebUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the optional {@code web} section. Absent, the web server runs on 127.0.0.1:8080 with no users, so
 * only the board and mobile ticket pages work. Every problem is reported at once, with its key.
 */
public final class WebConfigReader {

    static final String[] KEYS = {"enabled", "bind", "port", "publicUrl", "sessionTimeout", "lockoutAfter",
        "lockoutFor", "users", "tls", "staffListener", "ticketsPerMinute", "feeds", "idleTimeout"};
    private static final ConfigScalar<String> ADDRESS =
            ConfigScalar.text("[0-9a-fA-F:.]+|localhost", "an IP address such as 127.0.0.1 or 0.0.0.0");
    private static final ConfigScalar<String> USER_NAME =
            ConfigScalar.text("[a-zA-Z0-9._-]{1,40}", "a user name of letters, digits, '.', '_' or '-'");
    private static final ConfigScalar<Duration> POSITIVE =
            ConfigScalar.DURATION.where(d -> !d.isZero() && !d.isNegative(), "a duration more than 0");

    private WebConfigReader() {}

    /**
     * The section as a hall controller (and {@code hallq check}) reads it: besides the keys, it refuses users
     * whose password is a demo password, and, when a listener binds beyond loopback, hashes weaker than
     * {@link PasswordHash#MIN_ITERATIONS}; each such error names the user.
     *
     * @throws io.hallq.controller.config.ConfigException listing every problem of the section
     */
    public static WebConfig read(LoadedConfig loaded) {
        return read(loaded, true);
    }

    /** The section as the emulator reads it: its demo users are allowed (it binds to loopback). */
    public static WebConfig readForEmulator(LoadedConfig loaded) {
        return read(loaded, false);
    }

    private static WebConfig read(LoadedConfig loaded, boolean refuseDemo) {
        ConfigProblems problems = loaded.problems();
        ConfigNode section = loaded.section("web", problems);
        WebConfig config = read(section, loaded.config().counters().stream().map(c -> c.number()).toList(),
                loaded.baseDir());
        if (refuseDemo && problems.isEmpty() && config.enabled()) {
            refuseGuessable(config, section.key("users"), loaded.config().journal().dataDir());
        }
        problems.throwIfAny();
        warnWeak(config);
        return config;
    }

    static WebConfig read(ConfigNode section, List<Integer> counterNumbers) {
        return read(section, counterNumbers, null);
    }

    static WebConfig read(ConfigNode section, List<Integer> counterNumbers, java.nio.file.Path baseDir) {
        ConfigNode n = section.mapping(KEYS);
        return new WebConfig(
                n.key("enabled").get(ConfigScalar.BOOLEAN, true),
                n.key("bind").get(ADDRESS, "127.0.0.1"),
                n.key("port").get(ConfigScalar.integer(0, 65535), 8080),
                PublicUrl.read(n.key("publicUrl")).orElse(null),
                n.key("sessionTimeout").get(POSITIVE, Duration.ofHours(9)),
                n.key("lockoutAfter").get(ConfigScalar.integer(1, 100), 5),
                n.key("lockoutFor").get(POSITIVE, Duration.ofMinutes(15)),
                users(n.key("users"), counterNumbers),
                tls(n.key("tls"), baseDir),
                listener(n.key("staffListener")),
                n.key("ticketsPerMinute").get(ConfigScalar.integer(1, 600), 20),
                feeds(n.key("feeds")),
                n.key("idleTimeout").get(ConfigScalar.DURATION.where(d -> d.toMillis() >= 1000 && d.toHours() <= 1,
                        "a duration from 1s to 1h (above 15s, the live feeds' heartbeat)"), Duration.ofSeconds(60)));
    }

    /** True for 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
    static boolean loopback(String address) {
        return address.equals("localhost") || address.equals("::1") || address.startsWith("127.");
    }

    private static void refuseGuessable(WebConfig config, ConfigNode usersKey, String dataDir) {
        boolean beyondLoopback = !loopback(config.bind())
                || (config.staffListener() != null && !loopback(config.staffListener().bind()));
        List<WebConfig.WebUser> users = config.users();
        for (int i = 0; i < users.size(); i++) {
            WebConfig.WebUser u = users.get(i);
            int iterations = PasswordHash.iterations(u.passwordHash());
            if (beyondLoopback && iterations < PasswordHash.MIN_ITERATIONS) {
                usersKey.index(i).key("passwordHash").error("user '" + u.name() + "': a hash of " + iterations
                        + " PBKDF2 iterations is too weak for a server reachable beyond this machine (web.bind "
                        + config.bind() + "); expected at least " + PasswordHash.MIN_ITERATIONS
                        + ": make a new one with 'hallq hash-password'");
            }
        }
        java.nio.file.Path dir = dataDir == null ? null : java.nio.file.Path.of(dataDir);
        for (String name : DemoPasswords.offenders(users, dir)) {
            int i = users.indexOf(config.user(name).orElseThrow());
            usersKey.index(i).key("passwordHash").error("user '" + name + "' has a demo or guessable password"
                    + " (the example hall's demo users are for the emulator only); expected a hash of a password"
                    + " of the hall's own, made with 'hallq hash-password'");
        }
    }

    /** Weak hashes already warned about in this process: the check and the web module's start read the section. */
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void warnWeak(WebConfig config) {
        for (WebConfig.WebUser u : config.users()) {
            int iterations = PasswordHash.iterations(u.passwordHash());
            if (iterations < PasswordHash.MIN_ITERATIONS && WARNED.add(u.name() + " " + u.passwordHash())) {
                org.tinylog.Logger.warn("web.users: user '{}' has a password hash of {} PBKDF2 iterations, fewer"
                        + " than the {} new hashes use; make a new one with 'hallq hash-password'", u.name(),
                        iterations, PasswordHash.MIN_ITERATIONS);
            }
        }
    }

    private static WebConfig.Tls tls(ConfigNode key, java.nio.file.Path baseDir) {
        if (!key.isGiven()) {
            return null;
        }
        ConfigNode n = key.mapping("certFile", "keyFile", "redirectFrom");
        String cert = file(n.key("certFile"), baseDir, "a PEM certificate chain");
        String privateKey = file(n.key("keyFile"), baseDir, "a PEM private key");
        int redirect = n.key("redirectFrom").get(ConfigScalar.integer(0, 65535), 0);
        return new WebConfig.Tls(cert, privateKey, redirect);
    }

    private static String file(ConfigNode key, java.nio.file.Path baseDir, String what) {
        String name = key.required(ConfigScalar.NAME).orElse(null);
        if (name == null) {
            return null;
        }
        java.nio.file.Path p = baseDir == null ? java.nio.file.Path.of(name) : baseDir.resolve(name);
        if (!java.nio.file.Files.isReadable(p)) {
            key.error("cannot read " + p + ": expected " + what + " readable by the service user");
            return null;
        }
        return p.toString();
    }

    private static WebConfig.Listener listener(ConfigNode key) {
        if (!key.isGiven()) {
            return null;
        }
        ConfigNode n = key.mapping("bind", "port");
        return new WebConfig.Listener(n.key("bind").required(ADDRESS).orElse("127.0.0.1"),
                n.key("port").required(ConfigScalar.integer(0, 65535)).orElse(0));
    }

    private static WebConfig.FeedLimits feeds(ConfigNode key) {
        WebConfig.FeedLimits d = WebConfig.FeedLimits.DEFAULT;
        ConfigNode n = key.mapping("board", "ticket", "counter", "manager", "events", "perAddress");
        ConfigScalar<Integer> count = ConfigScalar.integer(1, 10_000);
        return new WebConfig.FeedLimits(n.key("board").get(count, d.board()), n.key("ticket").get(count, d.ticket()),
                n.key("counter").get(count, d.counter()), n.key("manager").get(count, d.manager()),
                n.key("events").get(count, d.events()), n.key("perAddress").get(count, d.perAddress()));
    }

    private static List<WebUser> users(ConfigNode n, List<Integer> counterNumbers) {
        Set<String> names = new HashSet<>();
        List<WebUser> users = new ArrayList<>();
        for (ConfigNode item : n.list("users")) {
            ConfigNode u = item.requiredMapping("name", "role", "counters", "passwordHash");
            String name = u.key("name").required(USER_NAME).orElse("");
            if (!name.isEmpty() && !names.add(name)) {
                u.key("name").error("duplicate user '" + name + "'");
            }
            Role role = u.key("role").required(ConfigScalar.oneOf(Role.class)).orElse(Role.KIOSK);
            String hash = u.key("passwordHash").required(ConfigScalar.TEXT).orElse("");
            if (!hash.isEmpty()) {
                PasswordHash.problem(hash).ifPresent(expected -> u.key("passwordHash").reject(expected));
            }
            List<Integer> counters = counters(u.key("counters"), counterNumbers);
            if (role == Role.STAFF && counters.isEmpty() && u.key("role").isGiven()) {
                u.key("counters").error("a staff user needs the counters they may work, e.g. [1, 2]");
            }
            users.add(new WebUser(name, role, counters, hash));
        }
        return users;
    }

    private static List<Integer> counters(ConfigNode n, List<Integer> known) {
        List<Integer> counters = new ArrayList<>();
        for (ConfigNode item : n.list("counter numbers")) {
            item.required(ConfigScalar.integer(1, 999)).ifPresent(c -> {
                if (known.contains(c)) {
                    counters.add(c);
                } else {
                    item.error("there is no counter " + c + " (counters: " + known + ")");
                }
            });
        }
        return counters;
    }
}
