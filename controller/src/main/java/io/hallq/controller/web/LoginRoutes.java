package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.web.WebConfig.WebUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tinylog.Logger;

/** {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session}. */
final class LoginRoutes {

    /** What a page needs after login; {@code csrfToken} goes into the X-CSRF-Token header of every change. */
    record SessionInfo(String user, String role, List<Integer> counters, String csrfToken) {}

    /** Compared against when the user is unknown, so the answer takes as long as for a known one. */
    private static final String DUMMY_HASH = PasswordHash.hash("not-a-password".toCharArray());

    private final Vertx vertx;
    private final WebConfig config;
    private final LoginGuard guard;
    private final Access access;
    private final Clock clock;

    LoginRoutes(Vertx vertx, WebConfig config, Access access, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.access = access;
        this.clock = clock;
        this.guard = new LoginGuard(config.lockoutAfter(), config.lockoutFor(), clock);
    }

    void mount(Router router) {
        router.post("/api/login").handler(this::login);
        router.post("/api/logout").handler(ctx -> {
            if (ctx.session() != null) {
                ctx.session().destroy();
            }
            Json.send(ctx, 200, new Json.Error("LOGGED_OUT", "logged out"));
        });
        router.get("/api/session").handler(ctx -> {
            WebUser u = access.user(ctx);
            if (u == null) {
                Json.error(ctx, 401, "LOGIN_REQUIRED", "not logged in");
            } else {
                Json.send(ctx, 200, info(u, ctx.session()));
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
        LoginGuard.Verdict v = guard.check(name);
        if (!v.allowed()) {
            locked(ctx, name, v.lockedUntil());
            return;
        }
        WebUser user = config.user(name).orElse(null);
        String hash = user == null ? DUMMY_HASH : user.passwordHash();
        // PBKDF2 takes a while on purpose: off the event loop
        vertx.executeBlocking(() -> PasswordHash.verify(password.toCharArray(), hash) && user != null)
                .onComplete(r -> {
                    if (r.succeeded() && r.result()) {
                        guard.succeeded(name);
                        Session s = ctx.session().regenerateId(); // no session fixation
                        s.put(Access.USER, name);
                        s.put(Access.CSRF, Access.newToken());
                        Logger.info("Web login: {} ({})", name, user.role());
                        Json.send(ctx, 200, info(user, s));
                    } else {
                        Instant until = guard.failed(name);
                        Logger.warn("Web login failed for '{}'{}", name, until == null ? "" : ", locked until " + until);
                        if (until != null) {
                            locked(ctx, name, until);
                        } else {
                            Json.error(ctx, 401, "BAD_LOGIN", "wrong user name or password");
                        }
                    }
                });
    }

    private void locked(RoutingContext ctx, String name, Instant until) {
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Json.error(ctx, 429, "LOCKED", "too many failed logins for '" + name + "'; try again in "
                + Math.max(1, (seconds + 59) / 60) + " min");
    }

    private static SessionInfo info(WebUser u, Session s) {
        return new SessionInfo(u.name(), u.role().name(), u.counters(), s.get(Access.CSRF));
    }
}
