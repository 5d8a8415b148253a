package io.hallq.controller.web;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.queue.Actor;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.RejectReason;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.event.HallEvent;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * Hands a command to the controller and answers when its events are durable. The event-loop thread only
 * hands over; the response is written back on the request's context when the command completes.
 */
final class Submit {

    /** An accepted command: the journal sequence of its last event and the event types, in order. */
    record Accepted(long seq, List<String> events, Object result) {}

    private Submit() {}

    static void command(HallController hall, RoutingContext ctx, Command command, String who) {
        command(hall, ctx, command, who, o -> null);
    }

    /**
     * @param who    the logged-in user: the command is journaled on their behalf ("web:alice")
     * @param result extracts the interesting part of an accepted outcome (e.g. the called ticket), or null
     */
    static void command(HallController hall, RoutingContext ctx, Command command, String who,
                        Function<Outcome, Object> result) {
        Command journaled;
        try {
            journaled = who == null || who.equals("?") ? command : new Command.By(Actor.web(who), command);
        } catch (IllegalArgumentException e) { // config keeps user names to letters, digits, '.', '_' and '-'
            Json.error(ctx, 400, RejectReason.INVALID.name(), e.getMessage());
            return;
        }
        Json.onRequestContext(hall.submit(journaled)).onComplete((outcome, failure) -> {
            if (failure != null) {
                Logger.error(failure, "Command {} from {} failed", describe(command), who);
                Json.error(ctx, 503, "UNAVAILABLE", "the hall could not record this: " + failure.getMessage());
            } else if (outcome.result() instanceof Result.Rejected r) {
                if (status(r) == 503) {
                    ctx.response().putHeader("Retry-After", "1");
                }
                Json.error(ctx, status(r), r.reason().name(), r.message());
            } else {
                Logger.info("Web {}: {}", who, describe(command));
                List<JournaledEvent> events = outcome.events();
                long seq = events.isEmpty() ? -1 : events.get(events.size() - 1).sequence();
                Json.send(ctx, 200, new Accepted(seq, events.stream()
                        .map(e -> e.event().getClass().getSimpleName()).toList(), result.apply(outcome)));
            }
        });
    }

    /** The command for the log: a ticket's mobile token is its holder's key and stays out. */
    static String describe(Command command) {
        if (command instanceof Command.IssueTicket t) {
            return "IssueTicket[service=" + t.service() + ", customerClass=" + t.customerClass() + ", phone="
                    + (t.phoneMasked() == null ? "none" : "masked") + "]";
        }
        return LogText.safe(String.valueOf(command), 400);
    }

    static int status(Result.Rejected r) {
        return switch (r.reason()) {
            case OVERLOADED -> 503; // the writer's queue is full: try again shortly (Retry-After: 1)
            case UNKNOWN_SERVICE, UNKNOWN_COUNTER, UNKNOWN_TICKET -> 404;
            case UNKNOWN_CLASS, INVALID -> 400;
            default -> 409;
        };
    }

    /** The ticket an accepted call put at the counter, or null. */
    static Object called(Outcome o) {
        return o.events().stream().map(JournaledEvent::event).filter(HallEvent.TicketCalled.class::isInstance)
                .map(e -> ((HallEvent.TicketCalled) e).ticket()).findFirst().orElse(null);
    }
}
