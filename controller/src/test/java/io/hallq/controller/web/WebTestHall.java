package io.hallq.controller.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.notify.SmppNotificationsIT;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small test hall (TestHalls.small) with its web server on a free loopback port and four users, all
 * with password {@link #PASSWORD}: "staff" (counters 2 and 3), "staff4" (counter 4), "manager" and "kiosk".
 * Logins lock after 3 failures for 10 minutes. Used by the web tests and the emulator's browser tests.
 */
public final class WebTestHall implements AutoCloseable {

    public static final String PASSWORD = "test-pass";
    /** Cheap hashes: the tests log in often; the format is the same as in production. */
    private static final String HASH = PasswordHash.hash(PASSWORD.toCharArray(), 1_000);

    public final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    public final WebModule web;
    private final HallRuntime runtime;

    private WebTestHall(Path dataDir, List<WebRoutes> extras, List<HallModule> more) {
        this(dataDir, extras, more, false);
    }

    private WebTestHall(Path dataDir, List<WebRoutes> extras, List<HallModule> more, boolean boardNotices) {
        this(dataDir, extras, more, boardNotices, root -> { });
    }

    private WebTestHall(Path dataDir, List<WebRoutes> extras, List<HallModule> more, boolean boardNotices,
                        java.util.function.Consumer<ObjectNode> tweak) {
        // five weeks of profile, not the default four: the staffing card must follow the hall's setting
        HallConfig config = TestHalls.withJournal(TestHalls.small(dataDir),
                new io.hallq.controller.config.JournalConfig(dataDir.toString(), 60, 2000, 5));
        web = new WebModule(extras);
        List<HallModule> modules = new ArrayList<>(List.of(web));
        modules.addAll(more);
        if (boardNotices) { // as ControllerMain wires it, with MQTT switched off
            modules.add(new io.hallq.controller.sync.BoardNoticeFeed(new io.hallq.controller.sync.MqttModule(),
                    web::showNeighbourSuggestions));
        }
        ObjectNode root = root();
        tweak.accept(root);
        runtime = HallRuntime.start(new LoadedConfig(config, root, Path.of("test-hall.yaml")), clock, modules);
    }

    public static WebTestHall start(Path dataDir) {
        return new WebTestHall(dataDir, List.of(), List.of());
    }

    /** With the board notice line fed as on the Pi (journaled notices, neighbour halls). */
    public static WebTestHall withBoardNotices(Path dataDir) {
        return new WebTestHall(dataDir, List.of(), List.of(), true);
    }

    /** With the hall file's tree changed by {@code tweak} first (e.g. root.with("web").put(...)). */
    public static WebTestHall configured(Path dataDir, java.util.function.Consumer<ObjectNode> tweak) {
        return new WebTestHall(dataDir, List.of(), List.of(), false, tweak);
    }

    /** With extra routes (a stand-in for the twin) and the hall file's tree changed by {@code tweak}. */
    public static WebTestHall configuredWith(Path dataDir, List<WebRoutes> extras,
                                             java.util.function.Consumer<ObjectNode> tweak) {
        return new WebTestHall(dataDir, extras, List.of(), false, tweak);
    }

    /**
     * The hall file of a hall whose notifications go to a real SMPP centre on {@code smsPort} and whose web listens
     * on a free loopback port, for the manager and one more user, {@code name} in {@code role} ({@code more}: its
     * further fields, e.g. {@code ", counters: [2]"}), both with {@link #PASSWORD}.
     */
    static String smppHallYaml(int smsPort, String name, String role, String more) {
        String hash = PasswordHash.hash(PASSWORD.toCharArray(), 1_000);
        return SmppNotificationsIT.yaml(smsPort, "") + """
                web:
                  bind: 127.0.0.1
                  port: 0
                  users:
                    - {name: manager, role: MANAGER, passwordHash: "%s"}
                    - {name: %s, role: %s, passwordHash: "%s"%s}
                """.formatted(hash, name, role, hash, more);
    }

    /** The password hash every test user has. */
    public static String hash() {
        return HASH;
    }

    public static WebTestHall start(Path dataDir, List<WebRoutes> extras, List<HallModule> moreModules) {
        return new WebTestHall(dataDir, extras, moreModules);
    }

    private static ObjectNode root() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode web = root.putObject("web");
        web.put("bind", "127.0.0.1").put("port", 0).put("lockoutAfter", 3).put("lockoutFor", "10m")
                .put("ticketsPerMinute", 600);
        ArrayNode users = web.putArray("users");
        user(users, "staff", "STAFF").putArray("counters").add(2).add(3);
        user(users, "staff4", "STAFF").putArray("counters").add(4);
        user(users, "manager", "MANAGER");
        user(users, "kiosk", "KIOSK");
        return root;
    }

    private static ObjectNode user(ArrayNode users, String name, String role) {
        return users.addObject().put("name", name).put("role", role).put("passwordHash", HASH);
    }

    public HallController hall() {
        return runtime.hall();
    }

    /** e.g. url("/board/") */
    public String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    /** A new client with its own cookies (a browser of its own). */
    public ApiClient client() {
        return new ApiClient(url(""));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
