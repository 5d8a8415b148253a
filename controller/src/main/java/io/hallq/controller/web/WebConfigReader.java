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
        "lockoutFor", "users"};
    private static final ConfigScalar<String> ADDRESS =
            ConfigScalar.text("[0-9a-fA-F:.]+|localhost", "an IP address such as 127.0.0.1 or 0.0.0.0");
    private static final ConfigScalar<String> USER_NAME =
            ConfigScalar.text("[a-zA-Z0-9._-]{1,40}", "a user name of letters, digits, '.', '_' or '-'");
    private static final ConfigScalar<Duration> POSITIVE =
            ConfigScalar.DURATION.where(d -> !d.isZero() && !d.isNegative(), "a duration more than 0");

    private WebConfigReader() {}

    /** @throws io.hallq.controller.config.ConfigException listing every problem of the section */
    public static WebConfig read(LoadedConfig loaded) {
        ConfigProblems problems = loaded.problems();
        WebConfig config = read(loaded.section("web", problems), loaded.config().counters().stream()
                .map(c -> c.number()).toList());
        problems.throwIfAny();
        return config;
    }

    static WebConfig read(ConfigNode section, List<Integer> counterNumbers) {
        ConfigNode n = section.mapping(KEYS);
        return new WebConfig(
                n.key("enabled").get(ConfigScalar.BOOLEAN, true),
                n.key("bind").get(ADDRESS, "127.0.0.1"),
                n.key("port").get(ConfigScalar.integer(0, 65535), 8080),
                PublicUrl.read(n.key("publicUrl")).orElse(null),
                n.key("sessionTimeout").get(POSITIVE, Duration.ofHours(9)),
                n.key("lockoutAfter").get(ConfigScalar.integer(1, 100), 5),
                n.key("lockoutFor").get(POSITIVE, Duration.ofMinutes(15)),
                users(n.key("users"), counterNumbers));
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
