package io.hallq.protocol.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MqttContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Golden files under src/test/resources/golden and the record each must decode to. */
    static Map<String, MqttMessage> golden() {
        Map<String, MqttMessage> g = new LinkedHashMap<>();
        g.put("online.json", Samples.online());
        g.put("status.json", Samples.status());
        g.put("status-quiet.json", Samples.quietStatus());
        g.put("alarm-raised.json", Samples.alarmRaised());
        g.put("alarm-cleared.json", Samples.alarmCleared());
        g.put("alarm-device.json", Samples.deviceAlarm());
        g.put("device-health.json", Samples.device());
        g.put("daily-stats.json", Samples.stats());
        g.put("daily-stats-closed.json", Samples.closedDay());
        g.put("profile.json", Samples.profile());
        g.put("profile-empty.json", Samples.emptyProfile());
        g.put("board.json", Samples.board());
        g.put("lookup-request.json", Samples.lookupRequest());
        g.put("lookup-reply-found.json", Samples.lookupFound());
        g.put("lookup-reply-not-found.json", Samples.lookupNotFound());
        List<EventMessage> events = Samples.eventMessages();
        for (int i = 0; i < events.size(); i++) {
            g.put("event-" + i + "-" + events.get(i).event().getClass().getSimpleName() + ".json", events.get(i));
        }
        List<CommandRequest> commands = Samples.commands();
        for (int i = 0; i < commands.size(); i++) {
            g.put("command-" + i + "-" + commands.get(i).command().name() + ".json", commands.get(i));
        }
        List<CommandResponse> responses = Samples.responses();
        for (int i = 0; i < responses.size(); i++) {
            g.put("response-" + i + ".json", responses.get(i));
        }
        return g;
    }

    @TestFactory
    Stream<DynamicTest> goldenSamples_matchTheirSchema_andDecodeToTheRecord() {
        return golden().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            byte[] bytes = read("golden/" + e.getKey());
            MqttMessage expected = e.getValue();
            assertEquals("", Schemas.errors(Schemas.fileFor(expected.getClass()), bytes));
            assertEquals(expected, MqttCodec.decodeOrThrow(bytes, expected.getClass()));
            assertEquals(JSON.readTree(bytes), JSON.readTree(MqttCodec.encode(expected)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRecord_roundTrips_andItsEncodingMatchesTheSchema() {
        List<MqttMessage> all = new ArrayList<>(golden().values());
        return all.stream().map(m -> DynamicTest.dynamicTest(m.getClass().getSimpleName(), () -> {
            byte[] bytes = MqttCodec.encode(m);
            assertEquals("", Schemas.errors(Schemas.fileFor(m.getClass()), bytes));
            assertEquals(m, MqttCodec.decodeOrThrow(bytes, m.getClass()));
        }));
    }

    @org.junit.jupiter.api.Test
    void everyEventType_hasAGoldenSample() {
        java.util.Set<Class<?>> sampled = new java.util.HashSet<>();
        Samples.events().forEach(e -> sampled.add(e.getClass()));
        for (Class<?> type : io.hallq.protocol.event.HallEvent.class.getPermittedSubclasses()) {
            org.junit.jupiter.api.Assertions.assertTrue(sampled.contains(type),
                    type.getSimpleName() + " has no golden sample (and so no schema check)");
        }
    }

    static byte[] read(String resource) throws IOException {
        try (InputStream in = MqttContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return in.readAllBytes();
        }
    }
}
