package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MQTT command is carried out on behalf of its issuer ({@code Actor.mqtt}); an issuer whose name cannot be an
 * actor (a topic segment may have 64 characters, an actor 64 with its "mqtt:") is rejected INVALID and changes
 * nothing, as the engine answered it before the actor had a type of its own.
 */
class CommandActorTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);

    @Test
    void anIssuerTooLongToBeAnActor_isRejectedInvalid_andChangesNothing() throws Exception {
        String tooLong = "c".repeat(60);
        String ok = "central";
        LoadedConfig loaded = SyncHalls.loaded("hall-a", dir.resolve("hall"),
                "broker: tcp://127.0.0.1:1\ncommands: { SetService: [" + tooLong + ", " + ok + "] }");
        MqttSettings settings = MqttSettingsReader.read(loaded).orElseThrow();
        BlockingQueue<CommandResponse> answers = new LinkedBlockingQueue<>();
        try (HallController hall = HallController.start(loaded.config(), clock, Duration.ZERO)) {
            CommandHandler handler = new CommandHandler("hall-a", settings, hall, clock, Runnable::run,
                    () -> CompletableFuture.failedFuture(new IllegalStateException("no stats here")),
                    out -> answers.add(MqttCodec.decodeOrThrow(out.payload(), CommandResponse.class)),
                    new CommandGate(dir.resolve("seen"), Duration.ofSeconds(60), clock));
            long before = hall.lastSequence();

            handler.handle(command(tooLong));
            CommandResponse refused = next(answers);
            assertFalse(refused.accepted());
            assertEquals("INVALID", refused.reason());
            assertTrue(refused.message().contains("an actor is 1-64"), refused.message());
            assertEquals(before, hall.lastSequence(), "nothing journaled");

            handler.handle(command(ok));
            CommandResponse done = next(answers);
            assertTrue(done.accepted(), done.message());
            assertEquals("mqtt:central", hall.eventsAfter(before, 10).stream()
                    .map(e -> e.event()).filter(io.hallq.protocol.event.HallEvent.ServiceChanged.class::isInstance)
                    .map(e -> ((io.hallq.protocol.event.HallEvent.ServiceChanged) e).by()).findFirst().orElseThrow());
        }
    }

    private io.hallq.controller.sync.Inbound command(String issuer) {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"issuedAt\":\"" + clock.instant() + "\",\"v\":1,"
                + "\"command\":{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,"
                + "\"messageZh\":\"暂停\",\"messageEn\":\"Paused\"}}";
        return new io.hallq.controller.sync.Inbound(Topics.command("hall-a", issuer),
                json.getBytes(StandardCharsets.UTF_8), Topics.reply("hall-a", issuer), new byte[] {1}, false);
    }

    /** The next answer; it comes from the hall's reply thread once the command's outcome is durable. */
    private static CommandResponse next(BlockingQueue<CommandResponse> answers) throws InterruptedException {
        CommandResponse r = answers.poll(20, TimeUnit.SECONDS);
        assertTrue(r != null, "no answer within 20 s");
        return r;
    }
}
