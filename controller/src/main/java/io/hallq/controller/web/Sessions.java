package io.hallq.controller.web;

import io.hallq.display.board.SseStream;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Logged-in sessions, in memory (a restart logs everyone out). A session exists only once a login succeeded:
 * a request without a valid cookie creates nothing. The cookie ({@value #COOKIE}) is HttpOnly, SameSite=Strict,
 * and Secure under TLS. A session ends after {@code timeout} without a request, at logout, or when the number
 * of sessions reaches {@link #MAX} (the least recently used one goes). The live feeds a session opened close
 * with it, so a page stops showing the hall once its login ended.
 */
final class Sessions {

    static final String COOKIE = "hallq.session";
    /** Sessions held at once: far above a hall's terminals; each login may make one, and logins are bounded. */
    static final int MAX = 1_000;

    /** One login. {@code streams} are the feeds opened under it. */
    static final class Session {
        final String id;
        final String user;
        final String csrf;
        volatile Instant lastSeen;
        final List<SseStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();

        Session(String id, String user, String csrf, Instant lastSeen) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.lastSeen = lastSeen;
        }
    }

    private static final String KEY = "hallq.sessionObject";

    private final Duration timeout;
    private final Clock clock;
    private final boolean secure;
    /** Access order: the eldest is the least recently used. */
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(64, 0.75f, true);

    Sessions(Duration timeout, Clock clock, boolean secure) {
        this.timeout = timeout;
        this.clock = clock;
        this.secure = secure;
    }

    /** The request's live session (touching it), or null; cached on the context. */
    Session of(RoutingContext ctx) {
        Object cached = ctx.get(KEY);
        if (cached instanceof Session s) {
            return s;
        }
        Cookie c = ctx.request().getCookie(COOKIE);
        if (c == null) {
            return null;
        }
        Session s;
        List<Session> expired = new ArrayList<>();
        synchronized (this) {
            s = sessions.get(c.getValue());
            if (s != null && expired(s)) {
                sessions.remove(s.id);
                expired.add(s);
                s = null;
            }
            if (s != null) {
                s.lastSeen = clock.instant();
            }
        }
        expired.forEach(Sessions::closeStreams);
        if (s != null) {
            ctx.put(KEY, s);
        }
        return s;
    }

    /** Starts a session for {@code user} (a successful login), replacing the request's old one, and sets the cookie. */
    Session create(RoutingContext ctx, String user) {
        end(ctx);
        Session s = new Session(Access.newToken() + Access.newToken(), user, Access.newToken(), clock.instant());
        Session evicted = null;
        synchronized (this) {
            if (sessions.size() >= MAX) {
                Iterator<Session> eldest = sessions.values().iterator();
                evicted = eldest.next();
                eldest.remove();
            }
            sessions.put(s.id, s);
        }
        if (evicted != null) {
            Logger.info("Web: {} sessions open; the least recently used one (user {}) ends", MAX, evicted.user);
            closeStreams(evicted);
        }
        ctx.put(KEY, s);
        ctx.response().addCookie(cookie(s.id)); // a browser-session cookie: the server's idle timeout ends it

        return s;
    }

    /** Ends the request's session, if any (logout), closing its feeds, and clears the cookie. */
    void end(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(COOKIE);
        ctx.remove(KEY);
        if (c == null) {
            return;
        }
        Session s;
        synchronized (this) {
            s = sessions.remove(c.getValue());
        }
        if (s != null) {
            closeStreams(s);
        }
        ctx.response().addCookie(cookie("").setMaxAge(0));
    }

    /** Closes {@code stream} when the session ends. */
    void attach(Session s, SseStream stream) {
        boolean gone;
        synchronized (this) {
            gone = sessions.get(s.id) != s;
            if (!gone) {
                s.streams.removeIf(SseStream::isClosed);
                s.streams.add(stream);
            }
        }
        if (gone) {
            stream.close();
        }
    }

    /** Ends sessions idle longer than the timeout, closing their feeds (run every few seconds). */
    void sweep() {
        List<Session> expired = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
                Session s = it.next().getValue();
                if (expired(s)) {
                    it.remove();
                    expired.add(s);
                }
            }
        }
        expired.forEach(Sessions::closeStreams);
    }

    synchronized int size() {
        return sessions.size();
    }

    private boolean expired(Session s) {
        return !clock.instant().isBefore(s.lastSeen.plus(timeout));
    }

    private static void closeStreams(Session s) {
        s.streams.forEach(SseStream::close);
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure);
    }
}
