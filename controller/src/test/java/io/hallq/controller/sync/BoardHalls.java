package io.hallq.controller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.queue.Command;
import io.hallq.controller.web.WebModule;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A test hall wired as on a Pi for a board of its own: MQTT sync, the web module and the {@link BoardPublisher}
 * (in {@code ControllerMain}'s order), on the small test hall with its web server on a free loopback port.
 */
public final class BoardHalls {

    private BoardHalls() {}

    public record Running(HallRuntime runtime, MqttModule mqtt, WebModule web) implements AutoCloseable {
        public HallController hall() {
            return runtime.hall();
        }

        /** Issues a walk-in ticket for {@code service} and calls it at {@code counter}; returns the ticket. */
        public String issueAndCall(String service, int counter) {
            hall().submit(Command.IssueTicket.walkIn(service)).join();
            var outcome = hall().submit(new Command.CallNext(counter)).join();
            return outcome.events().stream().map(e -> e.event())
                    .filter(HallEvent.TicketCalled.class::isInstance).map(HallEvent.TicketCalled.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError("counter " + counter + " called nobody"))
                    .ticket();
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    /** The small hall {@code id} with its journal in {@code dataDir}, on the broker at {@code uri}. */
    public static Running start(String id, Path dataDir, String uri, boolean webEnabled, Clock clock) {
        LoadedConfig loaded = SyncHalls.loaded(id, dataDir, SyncHalls.mqtt(uri, ""));
        ((ObjectNode) loaded.root()).putObject("web").put("enabled", webEnabled).put("bind", "127.0.0.1")
                .put("port", 0);
        MqttModule mqtt = new MqttModule();
        WebModule web = new WebModule();
        HallRuntime runtime = HallRuntime.start(loaded, clock,
                List.<HallModule>of(mqtt, web, new BoardPublisher(mqtt, web::onBoardView)));
        return new Running(runtime, mqtt, web);
    }
}
