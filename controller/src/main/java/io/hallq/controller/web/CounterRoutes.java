package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.controller.web.WebConfig.WebUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The counter keys over HTTP ({@code POST /api/counters/{n}/call-next} ...), the staff terminal's view of a
 * counter, and the manager's open/close/profile. Staff may use only their own counters.
 */
final class CounterRoutes {

    private final HallController hall;
    private final Access access;
    private final LiveFeed feed;

    CounterRoutes(HallController hall, Access access, LiveFeed feed) {
        this.hall = hall;
        this.access = access;
        this.feed = feed;
    }

    void mount(Router router) {
        router.get("/api/counters").handler(ctx -> {
            if (access.require(ctx, "see the counters", Role.STAFF, Role.MANAGER) != null) {
                Json.send(ctx, 200, feed.frames().latest().view().counters());
            }
        });
        router.get("/api/counters/:n").handler(ctx -> withCounter(ctx, "see counter", n -> {
            PageProjections.StaffView v = PageProjections.staff(feed.frames().latest(), n);
            if (v == null) {
                Json.error(ctx, 404, "UNKNOWN_COUNTER", "there is no counter " + n);
            } else {
                Json.send(ctx, 200, v);
            }
            return null;
        }));
        key(router, "call-next", Command.CallNext::new);
        key(router, "recall", Command.Recall::new);
        key(router, "no-show", Command.NoShow::new);
        key(router, "finish", Command.Finish::new);
        key(router, "pause", Command.Pause::new);
        key(router, "resume", Command.Resume::new);
        router.post("/api/counters/:n/transfer").handler(ctx -> withCounter(ctx, "transfer", n -> {
            JsonNode body = Json.body(ctx);
            String to = body == null ? null : Json.text(body, "service");
            if (body != null && to == null) {
                Json.error(ctx, 400, "BAD_REQUEST", "expected {\"service\": \"<service code>\"}");
            } else if (to != null) {
                Submit.command(hall, ctx, new Command.Transfer(n, to), who(ctx));
            }
            return null;
        }));
        router.post("/api/counters/:n/call").handler(ctx -> withCounter(ctx, "call a ticket", n -> {
            JsonNode body = Json.body(ctx);
            String ticket = body == null ? null : Json.text(body, "ticket");
            if (body != null && ticket == null) {
                Json.error(ctx, 400, "BAD_REQUEST", "expected {\"ticket\": \"A012\"}");
            } else if (ticket != null) {
                Submit.command(hall, ctx, new Command.CallTicket(n, ticket), who(ctx), Submit::called);
            }
            return null;
        }));
        managerAction(router, "open", Command.OpenCounter::new);
        managerAction(router, "close", Command.CloseCounter::new);
        router.put("/api/counters/:n/profile").handler(this::setProfile);
    }

    private void key(Router router, String action, IntFunction<Command> command) {
        router.post("/api/counters/:n/" + action).handler(ctx -> withCounter(ctx, action, n -> {
            Submit.command(hall, ctx, command.apply(n), who(ctx), Submit::called);
            return null;
        }));
    }

    private void managerAction(Router router, String action, IntFunction<Command> command) {
        router.post("/api/counters/:n/" + action).handler(ctx -> {
            Integer n = number(ctx);
            if (n != null && access.require(ctx, action + " counters", Role.MANAGER) != null) {
                Submit.command(hall, ctx, command.apply(n), who(ctx));
            }
        });
    }

    private void setProfile(RoutingContext ctx) {
        Integer n = number(ctx);
        if (n == null || access.require(ctx, "change counter profiles", Role.MANAGER) == null) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        JsonNode lines = body.get("profile");
        if (lines == null || !lines.isArray()) {
            Json.error(ctx, 400, "BAD_REQUEST",
                    "expected {\"profile\": [{\"service\": \"PAY\", \"classes\": [], \"weightSeconds\": 0}, ...]}");
            return;
        }
        List<ProfileEntry> profile = new ArrayList<>();
        for (JsonNode line : lines) {
            String service = Json.text(line, "service");
            JsonNode classes = line.path("classes");
            JsonNode weight = line.path("weightSeconds");
            if (service == null || !(classes.isMissingNode() || classes.isArray())
                    || !(weight.isMissingNode() || weight.canConvertToLong())) {
                Json.error(ctx, 400, "BAD_REQUEST", "profile line " + (profile.size() + 1)
                        + ": expected a service code, a list of class codes and whole seconds of weight");
                return;
            }
            List<String> cls = new ArrayList<>();
            classes.forEach(c -> cls.add(c.asText()));
            profile.add(new ProfileEntry(service, cls, Duration.ofSeconds(weight.asLong(0))));
        }
        Submit.command(hall, ctx, new Command.SetCounterProfile(n, profile), who(ctx));
    }

    /** Runs {@code then} with the counter number if the user may work that counter. */
    private void withCounter(RoutingContext ctx, String action, IntFunction<Void> then) {
        Integer n = number(ctx);
        if (n != null) {
            WebUser u = access.requireCounter(ctx, n, action);
            if (u != null) {
                then.apply(n);
            }
        }
    }

    static Integer number(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "'" + ctx.pathParam("n") + "' is not a counter number");
            return null;
        }
    }

    private String who(RoutingContext ctx) {
        WebUser u = access.user(ctx);
        return u == null ? "?" : u.name();
    }
}
