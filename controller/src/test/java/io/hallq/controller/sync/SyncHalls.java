package io.hallq.controller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.HallConfigBuilder;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Test halls with an {@code mqtt:} section, started with the real {@link MqttModule}. */
public final class SyncHalls {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SyncHalls() {}

    /**
     * The small test hall without modules, its journal in {@code dir}/journal, on a clock stopped at Monday 10:00 and
     * without ticks: the outbox tests drive it command by command.
     */
    public static io.hallq.controller.hall.HallController bare(Path dir) {
        return io.hallq.controller.hall.HallController.start(TestHalls.withJournal(TestHalls.small(),
                new io.hallq.controller.config.JournalConfig(dir.resolve("journal").toString(), 60, 2000)),
                new io.hallq.controller.MutableClock(TestHalls.MONDAY_10AM), java.time.Duration.ZERO);
    }

    /** The small test hall named {@code id}, journal in {@code dataDir}, with {@code mqttYaml} as its mqtt section. */
    public static LoadedConfig loaded(String id, Path dataDir, String mqttYaml) {
        HallConfig c = HallConfigBuilder.from(TestHalls.small(dataDir)).hall(id, "测试" + id, "Hall " + id).build();
        try {
            ObjectNode root = YAML.createObjectNode();
            JsonNode mqtt = YAML.readTree(mqttYaml);
            root.set("mqtt", mqtt);
            return new LoadedConfig(c, root, dataDir.resolve("hall.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain mqtt section for {@code uri}: 1 s status, quick reconnects, central may send everything. */
    public static String mqtt(String uri, String more) {
        return """
                broker: %s
                statusInterval: 1s
                reconnect: { min: PT0.2S, max: 1s }
                commands:
                  SetService: [central]
                  BroadcastNotice: [central]
                  RequestStats: [central]
                  SetCounterProfile: [central]
                """.formatted(uri) + more;
    }

    public record Running(HallRuntime runtime, MqttModule mqtt) implements AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }

    public static Running start(LoadedConfig loaded, Clock clock) {
        MqttModule m = new MqttModule();
        return new Running(HallRuntime.start(loaded, clock, List.of(m)), m);
    }
}
