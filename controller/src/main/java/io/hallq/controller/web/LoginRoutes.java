package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.web.WebConfig.WebUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session}.
 *
 * <p>Passwords are hashed on two small pools of the module's own, not on Vert.x's shared workers: one for
 * the configured user names, one for every other name. A flood of logins with random names fills only the
 * second (whose queue is short; beyond it the answer is 429 BUSY), so a real user's login is never queued
 * behind them. Attempts are counted by the {@link LoginGuard} before hashing.
 */
final class LoginRoutes implements AutoCloseable {

    /** What a page needs after login; {@code csrfToken} goes into the X-CSRF-Token header of every change. */
    record SessionInfo(String user, String role, List<Integer> counters, String csrfToken) {}

    private final WebConfig config;
    private final LoginGuard guard;
    private final Access access;
    private final Clock clock;
    private final ThreadPoolExecutor usersPool;
    private final ThreadPoolExecutor othersPool;
    private final int dummyIterations;
    /** Compared against when the user is unknown, so the answer takes as long as for a known one; made lazily. */
    private volatile String dummyHash;

    LoginRoutes(Vertx vertx, WebConfig config, Access access, Clock clock) {
        this.config = config;
        this.access = access;
        this.clock = clock;
        this.guard = new LoginGuard(config.lockoutAfter(), config.lockoutFor(), clock,
                config.users().stream().map(WebUser::name).collect(Collectors.toSet()));
        int users = Math.max(1, config.users().size());
        this.usersPool = pool("login-users", 2, users * LoginGuard.IN_FLIGHT_PER_NAME);
        this.othersPool = pool("login-others", 1, 8);
        // unknown names take as long as the slowest real hash, so timing does not tell them apart
        int iterations = config.users().stream().mapToInt(u -> PasswordHash.iterations(u.passwordHash())).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.dummyIterations = Math.max(1, iterations);
    }

    /** A login pool whose threads end after 30 s without a login (logins come a few times a day, not all day). */
    private static ThreadPoolExecutor pool(String name, int threads, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    void mount(Router router) {
        router.post("/api/login").handler(this::login);
        router.post("/api/logout").handler(ctx -> {
            WebUser u = access.user(ctx);
            access.sessions().end(ctx);
            if (u != null) {
                Logger.info("Web logout: {}", u.name());
            }
            Json.send(ctx, 200, new Json.Error("LOGGED_OUT", "logged out"));
        });
        router.get("/api/session").handler(ctx -> {
            WebUser u = access.user(ctx);
            if (u == null) {
                Json.error(ctx, 401, "LOGIN_REQUIRED", "not logged in");
            } else {
                Json.send(ctx, 200, info(u, access.sessions().of(ctx)));
            }
        });
    }

    private void login(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        String name = Json.text(body, "user");
        String password = Json.text(body, "password");
        if (name == null || password == null) {
            Json.error(ctx, 400, "BAD_REQUEST", "expected {\"user\": \"...\", \"password\": \"...\"}");
            return;
        }
        LoginGuard.Verdict v = guard.begin(name);
        if (!v.allowed()) {
            if (v.busy()) {
                busy(ctx, name);
            } else {
                locked(ctx, name, v.lockedUntil());
            }
            return;
        }
        WebUser user = config.user(name).orElse(null);
        Context context = Vertx.currentContext();
        try {
            (user == null ? othersPool : usersPool).execute(() -> {
                boolean ok = PasswordHash.verify(password.toCharArray(), user == null ? dummy() : user.passwordHash())
                        && user != null;
                context.runOnContext(x -> answer(ctx, name, user, ok));
            });
        } catch (RejectedExecutionException full) {
            guard.abandoned(name);
            busy(ctx, name);
        }
    }

    /** Runs on the pool of other names only. */
    private String dummy() {
        if (dummyHash == null) {
            dummyHash = PasswordHash.hash("not-a-password".toCharArray(), dummyIterations);
        }
        return dummyHash;
    }

    private void answer(RoutingContext ctx, String name, WebUser user, boolean ok) {
        if (ok) {
            guard.succeeded(name);
            Sessions.Session s = access.sessions().create(ctx, name); // a new id: no session fixation
            Logger.info("Web login: {} ({})", name, user.role());
            Json.send(ctx, 200, info(user, s));
            return;
        }
        Instant until = guard.failed(name);
        Logger.warn("Web login failed for {}{}", LogText.userName(name, config),
                until == null ? "" : ", locked until " + until);
        if (until != null) {
            locked(ctx, name, until);
        } else {
            Json.error(ctx, 401, "BAD_LOGIN", "wrong user name or password");
        }
    }

    private void busy(RoutingContext ctx, String name) {
        ctx.response().putHeader("Retry-After", "2");
        Json.error(ctx, 429, "BUSY", "too many logins at once for this name; try again in a few seconds");
    }

    private void locked(RoutingContext ctx, String name, Instant until) {
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Json.error(ctx, 429, "LOCKED", "too many failed logins for this user name; try again in "
                + Math.max(1, (seconds + 59) / 60) + " min");
    }

    private static SessionInfo info(WebUser u, Sessions.Session s) {
        return new SessionInfo(u.name(), u.role().name(), u.counters(), s == null ? null : s.csrf);
    }

    @Override
    public void close() {
        usersPool.shutdownNow();
        othersPool.shutdownNow();
    }
}
