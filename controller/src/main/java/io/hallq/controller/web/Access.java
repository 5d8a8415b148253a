package io.hallq.controller.web;

import io.hallq.controller.web.WebConfig.Role;
import io.hallq.controller.web.WebConfig.WebUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Who is calling and what they may do. The session holds only the user name and the CSRF token; the role
 * and counters are looked up in the configuration on every request. Each refusal says why.
 */
final class Access {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebConfig config;
    private final Sessions sessions;

    Access(WebConfig config, Sessions sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    Sessions sessions() {
        return sessions;
    }

    /** 128 random bits, URL-safe: session and CSRF tokens (a ticket's mobile token is a {@code TicketToken}). */
    static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The logged-in user, or null. */
    WebUser user(RoutingContext ctx) {
        Sessions.Session s = sessions.of(ctx);
        return s == null ? null : config.user(s.user).orElse(null);
    }

    /**
     * Refuses state-changing requests whose {@code X-CSRF-Token} header does not match the session's token.
     * A page from another site can make the browser send the session cookie, but cannot read the token.
     */
    void csrf(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        boolean changes = m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.DELETE
                || m == HttpMethod.PATCH;
        // the public customers' API carries no session: its customer token is a header a page of another site
        // cannot set (no CORS here), so there is nothing for a forged request to ride on
        if (!changes || ctx.normalizedPath().equals("/api/login") || ctx.normalizedPath().startsWith("/api/public/")) {
            ctx.next();
            return;
        }
        Sessions.Session s = sessions.of(ctx);
        String expected = s == null ? null : s.csrf;
        String given = ctx.request().getHeader(CSRF_HEADER);
        if (expected == null || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            Json.error(ctx, expected == null ? 401 : 403, expected == null ? "LOGIN_REQUIRED" : "CSRF",
                    expected == null ? "log in first" : "missing or wrong " + CSRF_HEADER + " header; reload the page");
            return;
        }
        ctx.next();
    }

    /** The user if logged in with one of {@code roles}; otherwise answers 401/403 and returns null. */
    WebUser require(RoutingContext ctx, String action, Role... roles) {
        WebUser u = user(ctx);
        if (u == null) {
            Json.error(ctx, 401, "LOGIN_REQUIRED", "log in to " + action);
            return null;
        }
        if (Arrays.asList(roles).contains(u.role())) {
            return u;
        }
        String allowed = Arrays.stream(roles).map(r -> r.name().toLowerCase()).collect(Collectors.joining(" or "));
        Json.error(ctx, 403, "FORBIDDEN", "a " + u.role().name().toLowerCase() + " user may not " + action
                + "; it needs a " + allowed + " login");
        return null;
    }

    /** The user if they may work {@code counter}; otherwise answers 401/403 and returns null. */
    WebUser requireCounter(RoutingContext ctx, int counter, String action) {
        WebUser u = require(ctx, action, Role.STAFF, Role.MANAGER);
        if (u != null && !u.mayWork(counter)) {
            Json.error(ctx, 403, "FORBIDDEN", "user " + u.name() + " may not " + action + " at counter " + counter
                    + " (their counters: " + u.counters() + ")");
            return null;
        }
        return u;
    }
}
