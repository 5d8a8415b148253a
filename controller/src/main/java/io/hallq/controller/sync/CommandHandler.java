package io.hallq.controller.sync;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
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
 * Commands from central or the manager: decoded, authorised against the per-command allow-list (on top of
 * the broker's ACL, which ties the issuer segment of the topic to the login), validated, executed, and
 * answered on the MQTT 5 response topic with the correlation data. A rejected command changes nothing.
 */
final class CommandHandler {

    private final String hall;
    private final MqttSettings settings;
    private final HallController controller;
    private final Clock clock;
    private final Executor owner;
    private final Supplier<CompletableFuture<DailyStats>> stats;
    private final Consumer<Outgoing> publish;

    CommandHandler(String hall, MqttSettings settings, HallController controller, Clock clock,
                   Executor owner, Supplier<CompletableFuture<DailyStats>> stats, Consumer<Outgoing> publish) {
        this.hall = hall;
        this.settings = settings;
        this.controller = controller;
        this.clock = clock;
        this.owner = owner;
        this.stats = stats;
        this.publish = publish;
    }

    void handle(Inbound in) {
        String issuer = Topics.lastSegment(in.topic());
        CompletableFuture<CommandResponse> response = switch (MqttCodec.decode(in.payload(), CommandRequest.class)) {
            case Decoded.Malformed<CommandRequest> bad ->
                    CompletableFuture.completedFuture(CommandResponse.rejected(hall, "MALFORMED", bad.reason()));
            case Decoded.Ok<CommandRequest> ok -> authorised(issuer, ok.value().command());
        };
        response.exceptionally(e -> CommandResponse.rejected(hall, "FAILED", "the hall could not carry it out: " + e))
                .thenAcceptAsync(r -> respond(in, issuer, r), owner);
    }

    private CompletableFuture<CommandResponse> authorised(String issuer, HallCommand command) {
        if (!settings.allows(command.name(), issuer)) {
            return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "NOT_ALLOWED",
                    "issuer '" + issuer + "' may not send " + command.name() + " to this hall"));
        }
        return switch (command) {
            case HallCommand.SetService s -> setService(s, issuer);
            case HallCommand.BroadcastNotice n -> controller.submit(new Command.By(actor(issuer), new Command.PostNotice(
                    n.textZh(), n.textEn(), clock.instant().plusSeconds(n.durationSeconds()))))
                    .thenApply(this::fromOutcome);
            case HallCommand.RequestStats r -> stats.get().thenApply(d -> CommandResponse.accepted(hall, "stats", d));
            case HallCommand.SetCounterProfile p -> setProfile(p, issuer);
        };
    }

    /** How the journal names an MQTT issuer ("mqtt:central"); {@link #issuerOf} reverses it. */
    static String actor(String issuer) {
        return "mqtt:" + issuer;
    }

    /** The issuer an MQTT-journaled actor names, or the actor itself for other sources. */
    static String issuerOf(String actor) {
        return actor != null && actor.startsWith("mqtt:") ? actor.substring(5) : actor;
    }

    private CompletableFuture<CommandResponse> setService(HallCommand.SetService s, String issuer) {
        if (controller.config().service(s.service()).isEmpty()) {
            return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "UNKNOWN_SERVICE",
                    "field 'command.service': this hall has no service '" + s.service() + "'"));
        }
        Command cmd = new Command.SetService(s.service(), s.enabled(), s.messageZh(), s.messageEn());
        return controller.submit(new Command.By(actor(issuer), cmd)).thenApply(this::fromOutcome);
    }

    /** The engine checks services, classes and weights, and rejects with its own reason. */
    private CompletableFuture<CommandResponse> setProfile(HallCommand.SetCounterProfile p, String issuer) {
        List<ProfileEntry> entries = p.profile().stream().map(l -> new ProfileEntry(l.service(),
                l.classes() == null ? List.of() : l.classes(), Duration.ofSeconds(l.weightSeconds()))).toList();
        return controller.submit(new Command.By(actor(issuer), new Command.SetCounterProfile(p.counter(), entries)))
                .thenApply(this::fromOutcome);
    }

    private CommandResponse fromOutcome(Outcome o) {
        return switch (o.result()) {
            case Result.Accepted a -> CommandResponse.accepted(hall, "done", null);
            case Result.Rejected r -> CommandResponse.rejected(hall, r.reason().name(), r.message());
        };
    }

    private void respond(Inbound in, String issuer, CommandResponse r) {
        if (!r.accepted()) {
            Logger.warn("MQTT command from {} rejected: {} {}", issuer, r.reason(), r.message());
        }
        if (in.responseTopic() == null || in.responseTopic().isBlank()) {
            Logger.warn("MQTT command from {} has no response topic; its result ({}) is not sent", issuer, r.reason());
            return;
        }
        publish.accept(new Outgoing(in.responseTopic(), MqttCodec.encode(r), 1, false, in.correlationData()));
    }
}
