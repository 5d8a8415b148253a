package io.hallq.controller.web;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.SectionReader;
import io.hallq.controller.device.CentralLookup;
import io.hallq.controller.device.DevicesReader;
import io.hallq.controller.device.PhoneLookup;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.display.board.BoardRoutes;
import io.hallq.display.board.BoardView;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.display.board.SseStream;
import io.hallq.protocol.PhoneNumber;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The hall's web server (Vert.x): the REST API (docs/web.md, openapi.yaml), live feeds over Server-Sent
 * Events, and the hall board, staff, manager and mobile ticket pages. Configured by the {@code web} section.
 * Sessions live in memory: a restart logs everyone out, which for a hall's few terminals is a fair trade
 * for no session database. docs/security.md says what it defends and how.
 */
public final class WebModule implements HallModule {

    /** The largest request body: the API's bodies are a few hundred bytes. */
    static final long BODY_LIMIT = 16 * 1024;

    /**
     * Every answer's security headers: scripts and everything else only from the hall's own pages, no framing,
     * no MIME sniffing, no referrer (a mobile page's URL holds its token).
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin");

    /** Which routes a listener serves. */
    enum Side {
        /** Everything on one listener (no {@code web.staffListener}). */
        ALL,
        /** The customers' side: the board, the mobile ticket pages and their feeds, the API description. */
        CUSTOMERS,
        /** The hall LAN: logins, staff, manager and kiosk API and pages, and the board. */
        STAFF
    }

    private final List<WebRoutes> extras;
    private final boolean emulator;
    private WebConfig config;
    private Vertx vertx;
    private final List<HttpServer> servers = new ArrayList<>();
    private HttpServer server;
    private HttpServer staffServer;
    private LiveFeed feed;
    private String baseUrl;
    private HallContext context;
    private Sessions sessions;
    private Access access;
    private LoginRoutes logins;
    private ApiContract contract;
    private PhoneLookup phones;
    private volatile CentralLookup central = CentralLookup.NONE;

    /**
     * @param extras   more routes for this server (the emulator's twin); none on a hall's controller
     * @param emulator the emulator: when the configured port is taken, listen on a free one (so several can run
     *                 on one machine), and the example hall's demo users are allowed; a hall's controller fails
     *                 instead, and refuses demo passwords
     */
    public WebModule(List<WebRoutes> extras, boolean emulator) {
        this.extras = List.copyOf(extras);
        this.emulator = emulator;
    }

    public WebModule(List<WebRoutes> extras) {
        this(extras, false);
    }

    public WebModule() {
        this(List.of(), false);
    }

    /**
     * The {@code web} section's reader, run by the configuration check before anything opens: a hall controller's
     * (demo passwords refused, and weak hashes beyond loopback).
     */
    public static final SectionReader SECTION = SectionReader.of("web", WebConfigReader::read);
    /** The emulator's reader of the section: the example hall's demo users are allowed. */
    public static final SectionReader EMULATOR_SECTION = SectionReader.of("web", WebConfigReader::readForEmulator);

    @Override
    public String name() {
        return "web";
    }

    @Override
    public java.util.Optional<SectionReader> section() {
        return java.util.Optional.of(emulator ? EMULATOR_SECTION : SECTION);
    }

    @Override
    public void start(HallContext context) {
        config = emulator ? WebConfigReader.readForEmulator(context.loaded()) : WebConfigReader.read(context.loaded());
        this.context = context;
        if (!config.enabled()) {
            Logger.info("Web server off (web.enabled: false)");
            return;
        }
        if (!extras.stream().allMatch(WebRoutes::behindLogins) && !WebConfigReader.loopback(config.bind())) {
            throw new ConfigException(List.of(context.loaded().file() + ": web.bind: the emulator's digital twin has"
                    + " no login; expected a loopback address such as 127.0.0.1, got " + config.bind()));
        }
        PhoneLookup phones = phoneLookup(context);
        this.phones = phones;
        // class-path files are served from memory, not copied to a cache folder in the working directory
        vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(true)));
        feed = new LiveFeed(context.hall(), context.clock());
        feed.start();
        feed.awaitFirstFrame(Duration.ofSeconds(10));
        sessions = new Sessions(config.sessionTimeout(), context.clock(), config.tls() != null);
        vertx.setPeriodic(5_000, id -> sessions.sweep());
        contract = ApiContract.load();
        access = new Access(config, sessions);
        logins = new LoginRoutes(vertx, config, access, context.clock());
        FeedGate gate = new FeedGate(vertx, config.feeds(), sessions);
        TicketRate rate = new TicketRate(config.ticketsPerMinute(), context.clock());
        Routes routes = new Routes(access, gate, rate);
        try {
            if (config.staffListener() == null) {
                server = listenOrFallBack(routes.router(Side.ALL), config.bind(), config.port(), "web.bind / web.port");
            } else {
                server = listenOrFallBack(routes.router(Side.CUSTOMERS), config.bind(), config.port(),
                        "web.bind / web.port");
                staffServer = listenOrFallBack(routes.router(Side.STAFF), config.staffListener().bind(),
                        config.staffListener().port(), "web.staffListener");
            }
            if (config.tls() != null && config.tls().redirectFrom() > 0) {
                listen(redirector(), config.bind(), config.tls().redirectFrom(), false);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        String scheme = config.tls() == null ? "http" : "https";
        baseUrl = scheme + "://" + local(config.bind()) + ":" + port();
        String staffBase = staffServer == null ? baseUrl
                : scheme + "://" + local(config.staffListener().bind()) + ":" + staffServer.actualPort();
        Logger.info("Web: hall board {}/board/  staff {}/staff/  manager {}/manager/{}", baseUrl, staffBase, staffBase,
                extras.stream().allMatch(WebRoutes::behindLogins) ? "" : "  twin " + baseUrl + "/twin/");
        Logger.info(config.publicUrl() == null
                ? "Web: no web.publicUrl set: tickets carry no QR code and mobile links are relative"
                : "Web: phones open the tickets' QR codes at " + config.publicUrl() + "/m/...");
        if (config.tls() == null && !WebConfigReader.loopback(config.bind()) && !emulator) {
            Logger.warn("Web: plain HTTP on {}: passwords and session cookies cross the network in clear; set web.tls"
                    + " (docs/security.md)", config.bind());
        }
    }

    private static String local(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    /** The server's phone list (devices.dispenser.phones), the one source of a kiosk ticket's customer class. */
    private static PhoneLookup phoneLookup(HallContext context) {
        try {
            var devices = DevicesReader.read(context.loaded());
            return devices.dispenser() == null ? PhoneLookup.of(Map.of()) : PhoneLookup.of(devices.dispenser().phones());
        } catch (ConfigException e) {
            return PhoneLookup.of(Map.of()); // the device module reports its section's mistakes
        }
    }

    private HttpServer listenOrFallBack(Router router, String bind, int port, String keys) {
        try {
            return listen(router::handle, bind, port, config.tls() != null);
        } catch (RuntimeException e) {
            if (!emulator || port == 0) {
                throw new IllegalStateException("web server cannot listen on " + bind + ":" + port + " (" + keys
                        + "): " + e.getMessage(), e);
            }
            Logger.warn("{} {} is taken ({}); the web server uses a free port", keys, port, e.getMessage());
            try {
                return listen(router::handle, bind, 0, config.tls() != null);
            } catch (RuntimeException again) {
                throw new IllegalStateException("web server cannot listen on " + bind + ": " + again.getMessage(), again);
            }
        }
    }

    private HttpServer listen(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler, String bind,
                              int port, boolean tls) {
        // HTTP/1.1 only: no browser speaks cleartext HTTP/2 (h2c), and a client that asks to upgrade (the JDK's
        // HttpClient does by default) would bring Netty's and Vert.x's whole HTTP/2 stack into the process, about
        // 170 classes and 1.2 MB of the 96 MB budget (docs/benchmarks.md); it is answered in HTTP/1.1 instead
        HttpServerOptions options = new HttpServerOptions().setIdleTimeout((int) config.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setMaxHeaderSize(8 * 1024).setMaxInitialLineLength(4096)
                .setMaxFormAttributeSize(4096).setHttp2ClearTextEnabled(false);
        if (tls) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tls().certFile())
                    .setKeyPath(config.tls().keyFile()));
        }
        try {
            HttpServer s = vertx.createHttpServer(options).requestHandler(handler).listen(port, bind)
                    .await(10, TimeUnit.SECONDS);
            servers.add(s);
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Plain HTTP that sends every request to the same path over HTTPS (web.tls.redirectFrom). */
    private io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> redirector() {
        return req -> {
            String host = req.authority() == null ? local(config.bind()) : req.authority().host();
            String target = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + req.uri();
            for (String h : SECURITY_HEADERS.keySet()) {
                req.response().putHeader(h, SECURITY_HEADERS.get(h));
            }
            req.response().setStatusCode(301).putHeader("Location", target).end();
        };
    }

    /** Builds the routers; the handlers are shared by both listeners. */
    private final class Routes {
        private final Access access;
        private final FeedGate gate;
        private final TicketRate rate;

        Routes(Access access, FeedGate gate, TicketRate rate) {
            this.access = access;
            this.gate = gate;
            this.rate = rate;
        }

        Router router(Side side) {
            Router router = Router.router(vertx);
            router.route().handler(ctx -> {
                SECURITY_HEADERS.forEach((k, v) -> ctx.response().putHeader(k, v));
                if (config.tls() != null) {
                    ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000");
                }
                ctx.next();
            });
            router.route().handler(WebModule.this::sameOrigin);
            router.route("/api/*").handler(ctx -> {
                if (side == Side.CUSTOMERS && !customerApi(ctx.normalizedPath())) {
                    Json.error(ctx, 404, "NOT_FOUND", "the staff, manager and kiosk API is served on the hall LAN's"
                            + " listener (web.staffListener), not here");
                    return;
                }
                ctx.next();
            });
            router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
            router.route("/api/*").handler(access::csrf);
            router.route("/api/*").handler(ctx -> contract.check(ctx, access));
            HallRoutes hallRoutes = new HallRoutes(context.hall(), access, feed, publicUrlOrRelative(), context.clock(),
                    WebModule.this::classOf, rate);
            logins.mount(router);
            hallRoutes.mount(router);
            new CounterRoutes(context.hall(), access, feed).mount(router);
            new StaffingRoutes(vertx, context.hall(), access, feed).mount(router);
            new FeedRoutes(access, feed, gate).mount(router);
            router.get("/api/feed/board").handler(ctx -> {
                SseStream s = gate.open(ctx, "board");
                if (s != null) {
                    feed.board().subscribe(s, "board", BoardView::toJson);
                }
            });
            BoardRoutes.mount(vertx, router, feed.board(), null, gate.caps()); // its feed is the one above
            Pages.mount(router, side);
            // other modules' routes (the notification module's, the emulator's twin) on every listener: on the
            // customers' one the /api gate above keeps their staff API out
            extras.forEach(x -> x.mount(vertx, router, context.hall(), WebModule.this));
            router.route("/api/*").last().handler(ctx -> Json.error(ctx, 404, "NOT_FOUND",
                    "no API at " + ctx.request().method() + " " + LogText.safe(ctx.normalizedPath())
                            + " (see /openapi.yaml)"));
            router.route().last().handler(ctx -> Json.error(ctx, 404, "NOT_FOUND",
                    "no page at " + LogText.safe(ctx.normalizedPath())));
            router.errorHandler(413, ctx -> {
                Logger.warn("Web: request body over {} bytes refused: {} {} from {} (Content-Length {})", BODY_LIMIT,
                        ctx.request().method(), LogText.safe(ctx.normalizedPath()), address(ctx),
                        LogText.safe(ctx.request().getHeader("Content-Length")));
                Json.error(ctx, 413, "TOO_LARGE", "the request body is over " + BODY_LIMIT + " bytes");
            });
            router.errorHandler(400, ctx -> Json.error(ctx, 400, "BAD_REQUEST", "malformed request"));
            router.errorHandler(500, ctx -> {
                Logger.error(ctx.failure(), "Web: {} {} from {} failed", ctx.request().method(),
                        LogText.safe(ctx.normalizedPath()), address(ctx));
                Json.error(ctx, 500, "INTERNAL", "the hall could not answer this request (logged)");
            });
            return router;
        }
    }

    /** Who may do what: the logins' sessions, roles and CSRF check, for routes mounted by other modules. */
    public Access access() {
        return access;
    }

    /** The customers' listener serves only what a phone or the board needs of the API. */
    static boolean customerApi(String path) {
        return path.equals("/api/board") || path.equals("/api/feed/board") || path.startsWith("/api/mobile/")
                || path.startsWith("/api/feed/ticket/") || path.startsWith("/api/public/");
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    }

    /**
     * A browser sends {@code Origin} with every cross-site POST/PUT/DELETE: one from another origin is refused
     * (403 CROSS_ORIGIN) before any route, the twin's included (it has no login, hence no CSRF token). The twin
     * also refuses a Host that is not this machine, against DNS rebinding.
     */
    private void sameOrigin(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        boolean twin = ctx.normalizedPath().startsWith("/twin/");
        if (twin) {
            String host = ctx.request().authority() == null ? "" : ctx.request().authority().host().toLowerCase(Locale.ROOT);
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]"))) {
                Json.error(ctx, 403, "CROSS_ORIGIN", "the digital twin answers only to this machine (127.0.0.1)");
                return;
            }
        }
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        String site = ctx.request().getHeader("Sec-Fetch-Site");
        boolean crossSite = site != null && !(site.equals("same-origin") || site.equals("none"));
        if (crossSite || (origin != null && !origin.equals("null") && !sameHost(origin, ctx))) {
            Json.error(ctx, 403, "CROSS_ORIGIN", "a request from another site (" + LogText.safe(origin) + ") is refused");
            return;
        }
        if (origin != null && origin.equals("null")) {
            Json.error(ctx, 403, "CROSS_ORIGIN", "a request from an opaque origin is refused");
            return;
        }
        ctx.next();
    }

    private static boolean sameHost(String origin, RoutingContext ctx) {
        try {
            URI o = URI.create(origin);
            var authority = ctx.request().authority();
            if (authority == null || o.getHost() == null) {
                return false;
            }
            int port = o.getPort() != -1 ? o.getPort() : o.getScheme().equals("https") ? 443 : 80;
            int hostPort = authority.port() != -1 ? authority.port() : ctx.request().isSSL() ? 443 : 80;
            return o.getHost().equalsIgnoreCase(authority.host()) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The pages' live feed (routes of this package mounted by other modules read views and tokens from it). */
    LiveFeed feed() {
        return feed;
    }

    /**
     * Customers' classes from the operator's central systems too (mqtt.lookup), before the hall's own list, as at
     * the dispenser. Read at each request.
     */
    public WebModule lookUpCentrallyWith(CentralLookup lookup) {
        this.central = lookup;
        return this;
    }

    /**
     * The class of a customer's phone, as the dispenser finds it: central first (within its timeout), then the
     * hall's own list (devices.dispenser.phones), else empty (the default class). Never completes exceptionally.
     */
    CompletableFuture<Optional<String>> classOf(PhoneNumber phone) {
        return CentralLookup.thenLocal(central, phones).apply(phone);
    }

    /** The controller's clock (the hall's). */
    java.time.Clock clock() {
        return context.clock();
    }

    /** The configured public URL; without one, mobile links are relative to whoever asked ("" + "/m/..."). */
    String publicUrlOrRelative() {
        return config.publicUrl() == null ? "" : config.publicUrl();
    }

    /** The port listened on (the real one when configured as 0): the customers' listener. */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    /** The hall LAN listener's port ({@code web.staffListener}), or the only listener's. */
    public int staffPort() {
        return staffServer == null ? port() : staffServer.actualPort();
    }

    /** Where the pages are on this machine, e.g. "http://127.0.0.1:8080" (phones use {@code web.publicUrl}). */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Hands every new hall board view to {@code listener}, e.g. the MQTT module publishing it (retained) for
     * a standalone board Pi ({@link io.hallq.display.board.BoardServer}). Runs on the feed's thread: hand over,
     * do not block. The listener gets the current view at once, then every new one. Call after this module
     * started. With {@code web.enabled: false} the views are still made (without any HTTP server) once
     * somebody asks for them here.
     */
    public void onBoardView(java.util.function.Consumer<io.hallq.display.board.BoardView> listener) {
        if (feed == null && context != null) {
            // web.enabled: false - no server and no pages, but a board on its own Pi still needs the views
            feed = new LiveFeed(context.hall(), context.clock());
            feed.start();
            Logger.info("Web server off; hall board views are still made for the board topic");
        }
        if (feed != null) {
            feed.onBoardView(listener);
        }
    }

    /** Shows suggestions of neighbour halls with shorter waits on the board's notice line (fed by MQTT). */
    public void showNeighbourSuggestions(List<Notice> notices) {
        if (feed != null) {
            feed.neighbourNotices(notices);
        }
    }

    @Override
    public void close() {
        if (vertx != null) {
            try {
                vertx.close().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                Logger.warn(e, "Web server did not stop cleanly");
            }
            vertx = null;
        }
        if (logins != null) {
            logins.close();
        }
        if (feed != null) {
            feed.close();
        }
    }

    /** Static pages from the class path. */
    static final class Pages {
        private Pages() {}

        static void mount(Router router, Side side) {
            List<String> pages = side == Side.CUSTOMERS ? List.of("mobile", "book", "common")
                    : List.of("staff", "manager", "mobile", "book", "common");
            for (String page : pages) {
                router.route("/" + page + "/*").handler(StaticHandler.create("web/" + page).setCachingEnabled(false));
            }
            router.get("/m/:token").handler(ctx -> ctx.reroute("/mobile/index.html"));
            router.get("/book").handler(ctx -> ctx.redirect("/book/"));
            router.get("/openapi.yaml").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("web/openapi.yaml"));
            router.get("/").handler(ctx -> ctx.reroute("/common/index.html"));
        }
    }
}
