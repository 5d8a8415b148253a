package io.hallq.controller.web;

import io.hallq.controller.config.SectionReader;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.display.board.BoardRoutes;
import io.hallq.display.board.BoardView.Notice;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The hall's web server (Vert.x): the REST API (docs/web.md, openapi.yaml), live feeds over Server-Sent
 * Events, and the hall board, staff, manager and mobile ticket pages. Configured by the {@code web} section.
 * Sessions live in memory: a restart logs everyone out, which for a hall's few terminals is a fair trade
 * for no session database.
 */
public final class WebModule implements HallModule {

    private static final long BODY_LIMIT = 16 * 1024;

    private final List<WebRoutes> extras;
    private final boolean anyPortIfTaken;
    private WebConfig config;
    private Vertx vertx;
    private HttpServer server;
    private LiveFeed feed;
    private String baseUrl;
    private HallContext context;

    /**
     * @param extras         more routes for this server (the emulator's twin); none on a hall's controller
     * @param anyPortIfTaken when the configured port is taken, listen on a free one (the emulator, so that
     *                       several can run on one machine); a hall's controller fails instead
     */
    public WebModule(List<WebRoutes> extras, boolean anyPortIfTaken) {
        this.extras = List.copyOf(extras);
        this.anyPortIfTaken = anyPortIfTaken;
    }

    public WebModule(List<WebRoutes> extras) {
        this(extras, false);
    }

    public WebModule() {
        this(List.of(), false);
    }

    /** The {@code web} section's reader, run by the configuration check before anything opens. */
    public static final SectionReader SECTION = SectionReader.of("web", WebConfigReader::read);

    @Override
    public String name() {
        return "web";
    }

    @Override
    public java.util.Optional<SectionReader> section() {
        return java.util.Optional.of(SECTION);
    }

    @Override
    public void start(HallContext context) {
        config = WebConfigReader.read(context.loaded());
        this.context = context;
        if (!config.enabled()) {
            Logger.info("Web server off (web.enabled: false)");
            return;
        }
        // class-path files are served from memory, not copied to a cache folder in the working directory
        vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(true)));
        feed = new LiveFeed(context.hall(), context.clock());
        feed.start();
        feed.awaitFirstFrame(Duration.ofSeconds(10));
        Router router = router(context);
        try {
            server = listen(router, config.port());
        } catch (Exception e) {
            if (!anyPortIfTaken || config.port() == 0) {
                close();
                throw new IllegalStateException("web server cannot listen on " + config.bind() + ":" + config.port()
                        + " (web.bind / web.port): " + e.getMessage(), e);
            }
            Logger.warn("web.port {} is taken ({}); the web server uses a free port", config.port(), e.getMessage());
            try {
                server = listen(router, 0);
            } catch (Exception again) {
                close();
                throw new IllegalStateException("web server cannot listen on " + config.bind() + ": "
                        + again.getMessage(), again);
            }
        }
        baseUrl = "http://" + (config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind()) + ":" + port();
        Logger.info("Web: hall board {}/board/  staff {}/staff/  manager {}/manager/{}", baseUrl, baseUrl, baseUrl,
                extras.isEmpty() ? "" : "  twin " + baseUrl + "/twin/");
        Logger.info(config.publicUrl() == null
                ? "Web: no web.publicUrl set: tickets carry no QR code and mobile links are relative"
                : "Web: phones open the tickets' QR codes at " + config.publicUrl() + "/m/...");
    }

    private HttpServer listen(Router router, int port) throws Exception {
        return vertx.createHttpServer().requestHandler(router).listen(port, config.bind()).await(10, TimeUnit.SECONDS);
    }

    private Router router(HallContext context) {
        Router router = Router.router(vertx);
        Access access = new Access(config);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.route("/api/*").handler(SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionTimeout(config.sessionTimeout().toMillis())
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieHttpOnlyFlag(true)
                .setSessionCookieName("hallq.session"));
        router.route("/api/*").handler(access::csrf);
        new LoginRoutes(vertx, config, access, context.clock()).mount(router);
        HallRoutes hallRoutes = new HallRoutes(context.hall(), access, feed, publicUrlOrRelative(), context.clock());
        hallRoutes.mount(router);
        new CounterRoutes(context.hall(), access, feed).mount(router);
        new StaffingRoutes(vertx, context.hall(), access, feed).mount(router);
        new FeedRoutes(vertx, access, feed, hallRoutes).mount(router);
        BoardRoutes.mount(vertx, router, feed.board());
        Pages.mount(router);
        extras.forEach(x -> x.mount(vertx, router, context.hall(), this));
        router.route("/api/*").last().handler(ctx -> Json.error(ctx, 404, "NOT_FOUND",
                "no API at " + ctx.request().method() + " " + ctx.normalizedPath() + " (see /openapi.yaml)"));
        return router;
    }

    /** The configured public URL; without one, mobile links are relative to whoever asked ("" + "/m/..."). */
    private String publicUrlOrRelative() {
        return config.publicUrl() == null ? "" : config.publicUrl();
    }

    /** The port listened on (the real one when configured as 0). */
    public int port() {
        return server == null ? -1 : server.actualPort();
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
        if (feed != null) {
            feed.close();
        }
    }

    /** Static pages from the class path. */
    static final class Pages {
        private Pages() {}

        static void mount(Router router) {
            for (String page : List.of("staff", "manager", "mobile", "common")) {
                router.route("/" + page + "/*").handler(StaticHandler.create("web/" + page).setCachingEnabled(false));
            }
            router.get("/m/:token").handler(ctx -> ctx.reroute("/mobile/index.html"));
            router.get("/openapi.yaml").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("web/openapi.yaml"));
            router.get("/").handler(ctx -> ctx.reroute("/common/index.html"));
        }
    }
}
