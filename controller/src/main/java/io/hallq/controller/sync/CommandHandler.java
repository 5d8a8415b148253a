package io.hallq.controller.sync;

import io.hallq.controller.hall.HallUnavailableException;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.queue.Actor;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.mqtt.CommandRequest;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.DailyStats;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.HallCommand;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Commands from central or the manager: checked, executed, and answered on the issuer's own reply topic
 * ({@code hallq/v1/<hall>/reply/<issuer>}) with the correlation data. The checks, in order, each with its reason code:
 * a topic that is not {@code hallq/v1/<hall>/cmd/<issuer>} (dropped, logged: there is nobody to answer), a
 * response topic other than the issuer's own (BAD_RESPONSE_TOPIC, answered on the issuer's own), a retained
 * command (RETAINED), a payload not valid against command-request.json (MALFORMED, naming the field), an issuer
 * not on the per-command allow-list (NOT_ALLOWED; on top of the broker's ACL, which ties the issuer segment to
 * the login), a stale, future or repeated command ({@link CommandGate}: STALE, CLOCK_SKEW, DUPLICATE), too many
 * commands at once (OVERLOADED), an unknown service (UNKNOWN_SERVICE); then the engine (its reject reasons
 * pass through, OVERLOADED from a full writer queue included). A rejected command changes nothing.
 */
final class CommandHandler {

    private final String hall;
    private final MqttSettings settings;
    private final HallController controller;
    private final Clock clock;
    private final Executor owner;
    private final Supplier<CompletableFuture<DailyStats>> stats;
    private final Consumer<Outgoing> publish;
    private final CommandGate gate;
    private final BookingCommands bookings;
    /** Commands carried out whose answer is not back yet (sync thread only). */
    private int running;

    /** At most this many commands run at once; more are refused as OVERLOADED. */
    static final int MAX_RUNNING = 100;

    CommandHandler(String hall, MqttSettings settings, HallController controller, Clock clock,
                   Executor owner, Supplier<CompletableFuture<DailyStats>> stats, Consumer<Outgoing> publish,
                   CommandGate gate) {
        this.hall = hall;
        this.settings = settings;
        this.controller = controller;
        this.clock = clock;
        this.owner = owner;
        this.stats = stats;
        this.publish = publish;
        this.gate = gate;
        this.bookings = new BookingCommands(hall, controller);
    }

    void handle(Inbound in) {
        String issuer = Topics.lastSegment(in.topic());
        if (!Topics.isSegment(issuer) || !in.topic().equals(Topics.command(hall, issuer))) {
            Logger.warn("MQTT command on topic '{}' ignored: not {}", printable(in.topic()),
                    Topics.commandFilter(hall));
            return;
        }
        String replyTo = Topics.reply(hall, issuer);
        CompletableFuture<CommandResponse> response;
        if (in.responseTopic() != null && !in.responseTopic().equals(replyTo)) {
            response = rejected("BAD_RESPONSE_TOPIC", "the response topic must be the issuer's own " + replyTo
                    + ", not '" + printable(in.responseTopic()) + "'; the command was not carried out");
        } else if (in.retained()) {
            response = rejected(CommandGate.RETAINED.reason(), CommandGate.RETAINED.message());
        } else {
            response = switch (MqttCodec.decode(in.payload(), CommandRequest.class)) {
                case Decoded.Malformed<CommandRequest> bad -> rejected("MALFORMED", bad.reason());
                case Decoded.Ok<CommandRequest> ok -> checked(issuer, ok.value());
            };
        }
        response.exceptionally(this::failure)
                .thenAcceptAsync(r -> respond(in, issuer, r), owner);
    }

    private CompletableFuture<CommandResponse> rejected(String reason, String message) {
        return CompletableFuture.completedFuture(CommandResponse.rejected(hall, reason, message));
    }

    /**
     * A failed future: OVERLOADED when the writer's queue is full (a query failing with the writer's
     * {@code HallUnavailableException} whose {@code why()} is OVERLOADED; a command refused for a full queue is
     * an engine rejection with reason OVERLOADED and passes through as such), FAILED otherwise.
     */
    private CommandResponse failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (overloaded(t)) {
                return CommandResponse.rejected(hall, "OVERLOADED", "the hall is busy; try again later");
            }
        }
        return CommandResponse.rejected(hall, "FAILED", "the hall could not carry it out: " + e);
    }

    /** True for the writer's "queue full" failure. */
    private static boolean overloaded(Throwable t) {
        return t instanceof HallUnavailableException h && h.why() == HallUnavailableException.Why.OVERLOADED;
    }

    private CompletableFuture<CommandResponse> checked(String issuer, CommandRequest request) {
        HallCommand command = request.command();
        if (!settings.allows(command.name(), issuer)) {
            return rejected("NOT_ALLOWED", "issuer '" + issuer + "' may not send " + command.name() + " to this hall");
        }
        var refusal = gate.check(issuer, request.id(), request.issuedAt(), false);
        if (refusal.isPresent()) {
            return rejected(refusal.get().reason(), refusal.get().message());
        }
        if (running >= MAX_RUNNING) {
            return rejected("OVERLOADED", running + " commands are still being carried out; try again later");
        }
        CompletableFuture<CommandResponse> done;
        try {
            gate.remember(issuer, request.id(), request.issuedAt());
            done = execute(issuer, command);
        } catch (RuntimeException e) {
            Logger.error("MQTT command {} from {} not carried out: {}", request.id(), issuer, e.toString());
            return CompletableFuture.failedFuture(e);
        }
        running++;
        done.whenCompleteAsync((r, e) -> running--, owner);
        return done;
    }

    private CompletableFuture<CommandResponse> execute(String issuer, HallCommand command) {
        return switch (command) {
            case HallCommand.SetService s -> setService(s, issuer);
            case HallCommand.BroadcastNotice n -> onBehalf(issuer, new Command.PostNotice(
                    n.textZh(), n.textEn(), clock.instant().plusSeconds(n.durationSeconds())));
            case HallCommand.RequestStats r -> stats.get().thenApply(d -> CommandResponse.accepted(hall, "stats", d));
            case HallCommand.SetCounterProfile p -> setProfile(p, issuer);
            case HallCommand.BookAppointment b -> bookings.book(b, issuer);
            case HallCommand.CancelBooking c -> bookings.cancel(c, issuer);
        };
    }

    /**
     * Submits {@code cmd} on behalf of the issuer ({@link Actor#mqtt}: "mqtt:central"; {@link Actor#issuerOf}
     * reverses it). An issuer too long to be an actor is rejected INVALID, as the engine answered it before.
     */
    private CompletableFuture<CommandResponse> onBehalf(String issuer, Command cmd) {
        Actor actor;
        try {
            actor = Actor.mqtt(issuer);
        } catch (IllegalArgumentException e) {
            return rejected("INVALID", e.getMessage());
        }
        return controller.submit(new Command.By(actor, cmd)).thenApply(this::fromOutcome);
    }

    private CompletableFuture<CommandResponse> setService(HallCommand.SetService s, String issuer) {
        if (controller.config().service(s.service()).isEmpty()) {
            return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "UNKNOWN_SERVICE",
                    "field 'command.service': this hall has no service '" + s.service() + "'"));
        }
        Command cmd = new Command.SetService(s.service(), s.enabled(), s.messageZh(), s.messageEn());
        return onBehalf(issuer, cmd);
    }

    /** The engine checks services, classes and weights, and rejects with its own reason. */
    private CompletableFuture<CommandResponse> setProfile(HallCommand.SetCounterProfile p, String issuer) {
        List<ProfileEntry> entries = p.profile().stream().map(l -> new ProfileEntry(l.service(),
                l.classes() == null ? List.of() : l.classes(), Duration.ofSeconds(l.weightSeconds()))).toList();
        return onBehalf(issuer, new Command.SetCounterProfile(p.counter(), entries));
    }

    private CommandResponse fromOutcome(Outcome o) {
        return switch (o.result()) {
            case Result.Accepted a -> CommandResponse.accepted(hall, "done", null);
            case Result.Rejected r -> CommandResponse.rejected(hall, r.reason().name(), r.message());
        };
    }

    /** Answers on the issuer's own reply topic only, never on the topic the message named otherwise. */
    private void respond(Inbound in, String issuer, CommandResponse r) {
        if (!r.accepted()) {
            Logger.warn("MQTT command from {} rejected: {} {}", issuer, r.reason(), printable(r.message()));
        }
        if (in.responseTopic() == null) {
            Logger.warn("MQTT command from {} has no response topic; its result ({}) is not sent", issuer, r.reason());
            return;
        }
        publish.accept(new Outgoing(Topics.reply(hall, issuer), MqttCodec.encode(r), 1, false, in.correlationData()));
    }

    /** Text from a stranger as it may go into a log line: no line breaks or control characters, bounded. */
    static String printable(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return t.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
    }
}
