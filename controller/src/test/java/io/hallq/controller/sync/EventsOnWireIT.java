package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.queue.Command;
import io.hallq.controller.web.ApiClient;
import io.hallq.controller.web.WebTestHall;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.WireEvents;
import io.hallq.protocol.mqtt.Topics;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event that leaves the hall, on MQTT (a real Mosquitto) and on the web's raw event feed, carries every field
 * the journal holds for it, with the journaled value, except the secret ones ({@link WireEvents#SECRET}): compared
 * as JSON, field by field, for every event type a day of commands produces (a paper ticket included).
 */
class EventsOnWireIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A morning of commands that journals most event types; rejections are fine, the events are compared. */
    private static void day(HallController h) {
        submit(h, new Command.IssueTicket("OPEN", "VIP", "138****5678", "token-vip", false));
        String paper = ticket(submit(h, new Command.IssueTicket("PAY", "WALKIN", null, null, true)));
        submit(h, new Command.MarkPrinted(paper));
        for (int i = 0; i < 8; i++) {
            submit(h, Command.IssueTicket.walkIn(i % 2 == 0 ? "BILL" : "OPEN"));
        }
        String toVoid = ticket(submit(h, Command.IssueTicket.walkIn("PAY")));
        submit(h, new Command.CallNext(2));
        submit(h, new Command.Recall(2));
        submit(h, new Command.NoShow(2));
        submit(h, new Command.CallNext(3));
        submit(h, new Command.Finish(3));
        submit(h, new Command.RateService(3, 5));
        submit(h, new Command.CallNext(2));
        submit(h, new Command.Transfer(2, "PAY"));
        submit(h, new Command.VoidTicket(toVoid, "customer left"));
        submit(h, new Command.ServeDirect(4, "DIRECT"));
        submit(h, new Command.Pause(1));
        submit(h, new Command.Resume(1));
        submit(h, new Command.SetService("BILL", false, null, null));
        submit(h, new Command.SetService("BILL", true, null, null));
        submit(h, new Command.SetCounterProfile(2, List.of(TestHalls.entry("OPEN", 5))));
        submit(h, new Command.PostNotice("今日16点停止办理开户", "No new accounts after 16:00",
                TestHalls.MONDAY_10AM.plusSeconds(3600)));
        submit(h, new Command.DeviceFault("printer", "打印机缺纸", "Printer out of paper", "paper-out"));
        submit(h, new Command.DeviceRecovered("printer"));
    }

    private static Outcome submit(HallController h, Command c) {
        return h.submit(c).join();
    }

    private static String ticket(Outcome o) {
        return o.events().stream().map(JournaledEvent::event).filter(HallEvent.TicketIssued.class::isInstance)
                .map(e -> ((HallEvent.TicketIssued) e).ticket()).findFirst().orElseThrow();
    }

    @Test
    void mqttEvents_carryEveryJournaledField() throws Exception {
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        Map<Long, JsonNode> wire = new ConcurrentHashMap<>();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            MqttClient central = new MqttClient(broker.uri(), "central-wire", null);
            central.connect(new MqttConnectionOptions());
            central.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.events("wire"), 1)},
                    new IMqttMessageListener[] {(t, m) -> {
                        JsonNode msg = JSON.readTree(m.getPayload());
                        wire.put(msg.path("seq").asLong(), msg.path("event"));
                    }});
            try (SyncHalls.Running hall = SyncHalls.start(SyncHalls.loaded("wire", dir.resolve("wire"),
                    SyncHalls.mqtt(broker.uri(), "")), clock)) {
                HallController h = hall.runtime().hall();
                day(h);
                long last = h.lastSequence();
                assertTrue(CentralRecorder.await(() -> wire.size() >= last, 30_000), "central got " + wire.size());
                assertSameFields(h.eventsAfter(0, Integer.MAX_VALUE), wire);
            } finally {
                central.disconnect();
                central.close();
            }
        }
    }

    @Test
    void webEventFeed_carriesEveryJournaledField() throws Exception {
        try (WebTestHall hall = WebTestHall.start(dir.resolve("web"))) {
            HallController h = hall.hall();
            day(h);
            long last = h.lastSequence();
            ApiClient manager = hall.client();
            manager.login("manager");
            BlockingQueue<ApiClient.Event> feed = manager.stream("/api/events?after=0");
            Map<Long, JsonNode> wire = new TreeMap<>();
            while (wire.size() < last) {
                ApiClient.Event e = ApiClient.next(feed);
                wire.put(e.id(), e.data());
            }
            assertSameFields(h.eventsAfter(0, Integer.MAX_VALUE), wire);
        }
    }

    private static void assertSameFields(List<JournaledEvent> journal, Map<Long, JsonNode> wire) throws Exception {
        Set<String> types = new HashSet<>();
        boolean paperSeen = false;
        for (JournaledEvent je : journal) {
            JsonNode journaled = JSON.readTree(EventCodec.encode(je.event()));
            JsonNode sent = wire.get(je.sequence());
            String what = "#" + je.sequence() + " " + je.event().getClass().getSimpleName();
            assertEquals(fields(journaled), fields(sent), what);
            for (String f : fields(journaled)) {
                if (WireEvents.SECRET.contains(f)) {
                    assertTrue(sent.get(f).isNull(), what + "." + f + " must stay in the hall");
                } else {
                    assertEquals(journaled.get(f), sent.get(f), what + "." + f);
                }
            }
            types.add(je.event().getClass().getSimpleName());
            paperSeen |= je.event() instanceof HallEvent.TicketIssued t && t.paper()
                    && sent.path("paper").asBoolean();
        }
        assertTrue(paperSeen, "a paper ticket goes out as paper: true");
        assertTrue(types.size() >= 14, "most event types compared: " + types);
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
