package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and malformed commands against a hall on a real Mosquitto (issue #12): each is rejected with a
 * reason code (or, where no answer can be addressed or the broker drops it for the hall, dropped), none changes
 * the journal, and the hall keeps answering. Plus a burst of 50 requests getting 50 replies, and a command whose
 * correlation data is 40 KB (what killed Paho's receive thread) not cutting the hall off.
 */
class HostileCommandsIT extends BrokerAndHall<SyncHalls.Running> {

    private static final String HALL = "hall-a";

    /** One hostile input: what to publish, how, and the reason code expected (null: no answer may come). */
    private record Case(String name, byte[] payload, Consumer<MqttMessage> tweak, String topic, String expected) {
        static Case json(String name, String json, String expected) {
            return new Case(name, json.getBytes(StandardCharsets.UTF_8), m -> { }, null, expected);
        }

        static Case bytes(String name, byte[] payload, String expected) {
            return new Case(name, payload, m -> { }, null, expected);
        }
    }

    private String id() {
        return java.util.UUID.randomUUID().toString();
    }

    /** A valid envelope around {@code command}, issued now by the hall's clock. */
    private String cmd(String command) {
        return "{\"v\":1,\"id\":\"" + id() + "\",\"issuedAt\":\"" + clock.instant() + "\",\"command\":" + command + "}";
    }

    private String at(Instant issuedAt, String command) {
        return "{\"v\":1,\"id\":\"" + id() + "\",\"issuedAt\":\"" + issuedAt + "\",\"command\":" + command + "}";
    }

    private static final String NOTICE = "{\"type\":\"BroadcastNotice\",\"textZh\":\"通知\",\"textEn\":\"Notice\","
            + "\"durationSeconds\":600}";
    private static final String OFF = "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,"
            + "\"messageZh\":\"暂停\",\"messageEn\":\"Paused\"}";
    private static final String PROFILE = "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":"
            + "\"OPEN\",\"classes\":[\"VIP\"],\"weightSeconds\":600}]}";

    private List<Case> cases(String replayed) {
        List<Case> c = new ArrayList<>();
        // invalid JSON
        String[] notJson = {"", " ", "{", "}", "[", "]", "{\"v\":1", "{\"v\":1,}", "{'v':1}", "{v:1}", "null", "true",
            "1", "\"text\"", "[]", "[1,2]", "{\"v\":1,\"command\":{\"type\":\"RequestStats\"}} trailing",
            "{\"v\":1,\"command\":{\"type\":\"RequestStats\"}}{}", "// comment\n{}", "{\"v\":NaN}",
            "{\"v\":1,\"v\":1}", "\u00ef\u00bb\u00bf{}", "switch off PAY please", "<xml/>", "{\"v\":01}",
            "{\"v\":1e999999}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "\t\n"};
        for (int i = 0; i < notJson.length; i++) {
            c.add(Case.json("invalid JSON #" + i, notJson[i], "MALFORMED"));
        }
        Random random = new Random(12);
        for (int i = 0; i < 25; i++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            c.add(Case.bytes("random bytes #" + i, junk, "MALFORMED"));
        }
        // wrong types, field by field
        String[][] wrongTypes = {
            {"v", "\"1\""}, {"v", "1.5"}, {"v", "true"}, {"v", "null"}, {"v", "[1]"}, {"v", "{}"},
            {"id", "1"}, {"id", "null"}, {"id", "[]"}, {"id", "\"\""}, {"id", "\"has space\""}, {"id", "\"a/b\""},
            {"id", "\"" + "x".repeat(65) + "\""}, {"issuedAt", "1700000000"}, {"issuedAt", "\"yesterday\""},
            {"issuedAt", "null"}, {"issuedAt", "\"2026-13-45T99:00:00Z\""}, {"command", "\"RequestStats\""},
            {"command", "[]"}, {"command", "null"}, {"command", "1"}};
        for (String[] w : wrongTypes) {
            String json = cmd("{\"type\":\"RequestStats\"}").replaceFirst("\"" + w[0] + "\":(\"[^\"]*\"|\\d+|\\{[^}]*\\})",
                    "\"" + w[0] + "\":" + java.util.regex.Matcher.quoteReplacement(w[1]));
            c.add(Case.json("wrong type " + w[0] + "=" + w[1], json, "MALFORMED"));
        }
        String[] badCommands = {
            // SetService
            "{\"type\":\"SetService\",\"service\":5,\"enabled\":true}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":\"false\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":0}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":null}",
            "{\"type\":\"SetService\",\"service\":[\"PAY\"],\"enabled\":true}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":1,\"messageEn\":\"x\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"x\",\"messageEn\":true}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"\",\"messageEn\":\"x\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"   \",\"messageEn\":\"x\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"a\\u0000\",\"messageEn\":\"x\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"a\\nb\",\"messageEn\":\"x\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false,\"messageZh\":\"" + "长".repeat(201)
                    + "\",\"messageEn\":\"x\"}",
            "{\"type\":\"SetService\",\"service\":\"PAY\",\"enabled\":false}",
            "{\"type\":\"SetService\",\"enabled\":true}",
            "{\"type\":\"SetService\",\"service\":\"PAY\"}",
            "{\"type\":\"SetService\",\"service\":\"pay\",\"enabled\":true}",
            "{\"type\":\"SetService\",\"service\":\"../PAY\",\"enabled\":true}",
            "{\"type\":\"SetService\",\"service\":\"PAY_TOO_LONG_A_CODE\",\"enabled\":true}",
            "{\"type\":\"SetService\",\"service\":\"\",\"enabled\":true}",
            // BroadcastNotice
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":1.5}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":\"60\"}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":0}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":-60}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":86401}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":99999999999999}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":1e3}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":60.0}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\",\"durationSeconds\":null}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"b\"}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":5,\"textEn\":\"b\",\"durationSeconds\":60}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":[\"b\"],\"durationSeconds\":60}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"\\u0000\",\"textEn\":\"b\",\"durationSeconds\":60}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"\\u001b[2J\",\"textEn\":\"b\",\"durationSeconds\":60}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"\",\"textEn\":\"b\",\"durationSeconds\":60}",
            "{\"type\":\"BroadcastNotice\",\"textZh\":\"a\",\"textEn\":\"" + "x".repeat(201) + "\",\"durationSeconds\":60}",
            "{\"type\":\"BroadcastNotice\",\"textEn\":\"b\",\"durationSeconds\":60}",
            // SetCounterProfile
            "{\"type\":\"SetCounterProfile\",\"counter\":\"3\",\"profile\":[]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3.5,\"profile\":[]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":0,\"profile\":[]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":1000,\"profile\":[]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":-3,\"profile\":[]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3}",
            "{\"type\":\"SetCounterProfile\",\"profile\":[]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":{}}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[null]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[\"OPEN\"]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"weightSeconds\":7201}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"weightSeconds\":-1}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"weightSeconds\":\"60\"}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"weightSeconds\":1.5}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"classes\":[\"VIP\",\"VIP\"]}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"classes\":\"VIP\"}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[{\"service\":\"OPEN\",\"classes\":[5]}]}",
            "{\"type\":\"SetCounterProfile\",\"counter\":3,\"profile\":[" + "{\"service\":\"OPEN\"},".repeat(64)
                    + "{\"service\":\"OPEN\"}]}",
        };
        for (String bad : badCommands) {
            c.add(Case.json("bad command " + bad.substring(0, Math.min(90, bad.length())), cmd(bad), "MALFORMED"));
        }
        // unknown commands, and commands without a type
        for (String type : List.of("FormatDisk", "setservice", "SETSERVICE", "IssueTicket", "CallNext", "Shutdown",
                "", " SetService", "RequestStats ", "__proto__")) {
            c.add(Case.json("unknown command '" + type + "'", cmd("{\"type\":\"" + type + "\"}"), "MALFORMED"));
        }
        c.add(Case.json("command without type", cmd("{\"service\":\"PAY\",\"enabled\":true}"), "MALFORMED"));
        c.add(Case.json("command type as number", cmd("{\"type\":1}"), "MALFORMED"));
        // wrong versions
        for (String v : List.of("0", "2", "-1", "99", "1.1", "\"v1\"", "1000000000000")) {
            c.add(Case.json("version " + v, cmd("{\"type\":\"RequestStats\"}").replace("\"v\":1,", "\"v\":" + v + ","),
                    "MALFORMED"));
        }
        c.add(Case.json("no version", cmd("{\"type\":\"RequestStats\"}").replace("\"v\":1,", ""), "MALFORMED"));
        // unknown services and counters: valid by the schema, refused by the hall or its engine
        for (String service : List.of("NOPE", "VIP", "A", "OPEN2", "X_Y")) {
            c.add(Case.json("unknown service " + service, cmd(OFF.replace("PAY", service)), "UNKNOWN_SERVICE"));
        }
        for (int counter : List.of(5, 9, 99, 999)) {
            c.add(Case.json("unknown counter " + counter, cmd(PROFILE.replace("\"counter\":3", "\"counter\":" + counter)),
                    "UNKNOWN_COUNTER"));
        }
        c.add(Case.json("profile with an unknown service", cmd(PROFILE.replace("\"OPEN\"", "\"NOPE\"")),
                "UNKNOWN_SERVICE"));
        c.add(Case.json("profile with an unknown class", cmd(PROFILE.replace("\"VIP\"", "\"KING\"")), "UNKNOWN_CLASS"));
        // big and deep
        c.add(Case.json("20 KB payload", cmd(NOTICE).replace("\"v\":1,", "\"pad\":\"" + "x".repeat(20_000) + "\",\"v\":1,"),
                "MALFORMED"));
        c.add(Case.json("1 MB payload", cmd(NOTICE).replace("\"v\":1,", "\"pad\":\"" + "x".repeat(1 << 20) + "\",\"v\":1,"),
                null));
        c.add(Case.bytes("1 MB of zero bytes", new byte[1 << 20], null));
        c.add(Case.json("nested 200 deep", cmd(NOTICE).replace("\"v\":1,", "\"x\":" + "[".repeat(200) + "]".repeat(200)
                + ",\"v\":1,"), "MALFORMED"));
        c.add(Case.json("nested objects 100 deep", cmd(NOTICE).replace("\"v\":1,", "\"x\":" + "{\"a\":".repeat(100)
                + "1" + "}".repeat(100) + ",\"v\":1,"), "MALFORMED"));
        c.add(Case.json("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000), "MALFORMED"));
        c.add(Case.json("long key", cmd(NOTICE).replace("\"v\":1,", "\"" + "k".repeat(10_000) + "\":1,\"v\":1,"),
                "MALFORMED"));
        // invalid UTF-8
        byte[][] badUtf8 = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        for (int i = 0; i < badUtf8.length; i++) {
            String[] halves = cmd(NOTICE).split("通知");
            byte[] a = halves[0].getBytes(StandardCharsets.UTF_8);
            byte[] b = halves[1].getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[a.length + badUtf8[i].length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(badUtf8[i], 0, all, a.length, badUtf8[i].length);
            System.arraycopy(b, 0, all, a.length + badUtf8[i].length, b.length);
            c.add(Case.bytes("invalid UTF-8 #" + i, all, "MALFORMED"));
        }
        // forged issuers: the issuer is the topic's segment; a payload's claims mean nothing
        for (String forged : List.of("\"issuer\":\"central\",", "\"by\":\"mqtt:central\",", "\"from\":\"central\",")) {
            c.add(new Case("stranger claiming central in " + forged, cmd(OFF).replace("\"v\":1,", forged + "\"v\":1,")
                    .getBytes(StandardCharsets.UTF_8), m -> { }, Topics.command(HALL, "stranger"), "NOT_ALLOWED"));
        }
        for (String issuer : List.of("manager-hall-b", "central2", "centra", "hall-a")) {
            c.add(new Case("issuer " + issuer + " not on the allow-list", cmd(OFF).getBytes(StandardCharsets.UTF_8),
                    m -> { }, Topics.command(HALL, issuer), "NOT_ALLOWED"));
        }
        for (String topic : List.of("hallq/v1/hall-a/cmd/Central", "hallq/v1/hall-a/cmd/cen tral",
                "hallq/v1/hall-a/cmd/central/x", "hallq/v1/hall-a/cmd/-")) {
            c.add(new Case("command on topic " + topic, cmd(OFF).getBytes(StandardCharsets.UTF_8), m -> { }, topic, null));
        }
        // replays, stale and future commands
        for (int i = 0; i < 5; i++) {
            c.add(Case.json("replay #" + i, replayed, "DUPLICATE"));
        }
        for (Duration ago : List.of(Duration.ofSeconds(61), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofDays(3650))) {
            c.add(Case.json("issued " + ago + " ago", at(clock.instant().minus(ago), NOTICE), "STALE"));
        }
        c.add(Case.json("issued in 2000", at(Instant.parse("2000-01-01T00:00:00Z"), OFF), "STALE"));
        c.add(Case.json("issued at the epoch", at(Instant.EPOCH, OFF), "STALE"));
        for (Duration ahead : List.of(Duration.ofSeconds(31), Duration.ofHours(1), Duration.ofDays(365))) {
            c.add(Case.json("issued " + ahead + " ahead", at(clock.instant().plus(ahead), NOTICE), "CLOCK_SKEW"));
        }
        // retained
        for (String command : List.of(NOTICE, OFF, PROFILE, "{\"type\":\"RequestStats\"}")) {
            c.add(new Case("retained " + command.substring(0, 20), cmd(command).getBytes(StandardCharsets.UTF_8),
                    m -> m.setRetained(true), null, "RETAINED"));
        }
        // response topics other than the issuer's own
        for (String rt : List.of(Topics.events(HALL), Topics.status(HALL), "$SYS/broker/x", Topics.reply(HALL, "manager-x"),
                Topics.command(HALL, "central"), "hallq/v1/reply/central", Topics.reply("hall-b", "central"),
                Topics.reply(HALL, "central") + "/x", "a/b")) {
            c.add(new Case("response topic " + rt, cmd(NOTICE).getBytes(StandardCharsets.UTF_8), m -> {
                m.getProperties().setResponseTopic(rt);
            }, null, "BAD_RESPONSE_TOPIC"));
        }
        return c;
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void hostileCommands_areEachRejectedWithAReason_changeNothing_andTheHallKeepsAnswering() {
        startBroker();
        hall = syncHall(HALL);
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        HallController h = hall.runtime().hall();
        h.submit(Command.IssueTicket.walkIn("PAY")).join();
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock);
             CommandClient stranger = new CommandClient(broker.uri(), "stranger", clock)) {
            central.awaitAnswering(HALL);
            String accepted = cmd(NOTICE);
            CommandResponse first = central.send(HALL, accepted.getBytes(StandardCharsets.UTF_8));
            assertTrue(first.accepted(), first.message());
            long before = h.lastSequence();
            List<Case> cases = cases(accepted);
            assertTrue(cases.size() >= 200, "only " + cases.size() + " hostile commands");
            List<String> wrong = new ArrayList<>();
            java.util.Map<String, CommandClient> issuers = new java.util.HashMap<>(
                    java.util.Map.of("central", central, "stranger", stranger));
            for (Case k : cases) {
                String issuer = k.topic() == null ? "central" : Topics.lastSegment(k.topic());
                CommandClient from = k.topic() == null || !Topics.isSegment(issuer) || k.topic().split("/").length != 5 ? central
                        : issuers.computeIfAbsent(issuer, i -> new CommandClient(broker.uri(), i, clock));
                String topic = k.topic() == null ? Topics.command(HALL, "central") : k.topic();
                Optional<CommandResponse> r = from.sendOn(topic, k.payload(), k.tweak(),
                        k.expected() == null ? 500 : 10_000);
                if (k.expected() == null ? r.isPresent()
                        : r.isEmpty() || r.get().accepted() || !k.expected().equals(r.get().reason())
                          || r.get().message().isBlank()) {
                    wrong.add(k.name() + " -> " + r.map(x -> x.reason() + " " + x.message()).orElse("no answer")
                            + " (expected " + k.expected() + ")");
                }
                if (k.payload().length > 0) {
                    MqttMessage clear = new MqttMessage(new byte[0]);
                    clear.setRetained(true);
                    if (Boolean.TRUE.equals(retained(k))) {
                        try {
                            central.paho().publish(topic, clear);
                        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            issuers.values().stream().filter(x -> x != central && x != stranger).forEach(CommandClient::close);
            assertEquals(List.of(), wrong, wrong.size() + " of " + cases.size() + " hostile commands were handled wrongly");
            assertEquals(before, h.lastSequence(), "no hostile command may change the journal");
            assertTrue(hall.mqtt().connected());
            CommandResponse alive = central.send(HALL, cmd("{\"type\":\"RequestStats\"}").getBytes(StandardCharsets.UTF_8));
            assertTrue(alive.accepted(), "the hall still answers: " + alive.message());
        }
    }

    private static boolean retained(Case k) {
        MqttMessage probe = new MqttMessage(new byte[0]);
        probe.setProperties(new org.eclipse.paho.mqttv5.common.packet.MqttProperties());
        k.tweak().accept(probe);
        return probe.isRetained();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDuplicateIsRefused_alsoAfterARestart() {
        startBroker();
        hall = syncHall(HALL);
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        byte[] notice = cmd(NOTICE).getBytes(StandardCharsets.UTF_8);
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            central.awaitAnswering(HALL);
            assertTrue(central.send(HALL, notice).accepted());
            long after = hall.runtime().hall().lastSequence();
            hall.close();
            hall = syncHall(HALL);
            central.awaitAnswering(HALL);
            CommandResponse again = central.send(HALL, notice);
            assertEquals("DUPLICATE", again.reason(), again.message());
            assertEquals(after, hall.runtime().hall().lastSequence());
            clock.advance(Duration.ofSeconds(61));
            assertEquals("STALE", central.send(HALL, notice).reason(), "once forgotten, it is stale anyway");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRetainedCommand_isNotCarriedOutAtReconnect() throws Exception {
        startBroker();
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            MqttMessage m = new MqttMessage(cmd(NOTICE).getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            m.setRetained(true);
            central.paho().publish(Topics.command(HALL, "central"), m);
            hall = syncHall(HALL);
            assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
            // the first run's own event: its first tick starts the day, which under load can come after the
            // connection; the next run, on the same day, writes none of its own
            HallController first = hall.runtime().hall();
            assertTrue(CentralRecorder.await(() -> first.lastSequence() > 0, 10_000), "the day started");
            hall.close();
            long before = hall.runtime().hall().lastSequence();
            hall = syncHall(HALL);
            assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
            // the hall answers later commands, so the retained one was handled (refused) before
            central.awaitAnswering(HALL);
            assertEquals(before, hall.runtime().hall().lastSequence(),
                    () -> "events after " + before + ": " + hall.runtime().hall().eventsAfter(before, 100));
            assertTrue(hall.runtime().hall().eventsAfter(0, 1000).stream()
                    .noneMatch(e -> e.event() instanceof io.hallq.protocol.event.HallEvent.NoticePosted));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBurstOf50Requests_gets50Replies() {
        startBroker();
        hall = syncHall(HALL);
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            central.awaitAnswering(HALL);
            List<CompletableFuture<CommandResponse>> replies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                replies.add(central.sendAsync(HALL, "{\"v\":1,\"command\":{\"type\":\"RequestStats\"}}"));
            }
            int got = 0;
            List<String> failures = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (CompletableFuture<CommandResponse> f : replies) {
                try {
                    CommandResponse r = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (r.accepted()) {
                        got++;
                    } else {
                        failures.add(r.reason() + " " + r.message());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
            System.out.println("burst: " + got + " replies to 50 RequestStats");
            assertEquals(50, got, "replies to 50 RequestStats (lost: " + hall.mqtt().replyCounts()[1] + "; "
                    + failures.stream().distinct().toList() + ")");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void correlationDataOf40KB_doesNotCutTheHallOff() throws Exception {
        startBroker();
        hall = syncHall(HALL);
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            central.awaitAnswering(HALL);
            byte[] big = new byte[40_000];
            java.util.Arrays.fill(big, (byte) 'c');
            for (int i = 0; i < 3; i++) {
                Optional<CommandResponse> r = central.sendRaw(HALL,
                        cmd("{\"type\":\"RequestStats\"}").getBytes(StandardCharsets.UTF_8),
                        m -> m.getProperties().setCorrelationData(big), 300);
                assertFalse(r.isPresent());
            }
            long t0 = System.nanoTime();
            CommandResponse ok = central.send(HALL, "{\"v\":1,\"command\":{\"type\":\"RequestStats\"}}");
            assertTrue(ok.accepted());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("40 KB correlation data: the next command was answered after " + ms + " ms");
            assertTrue(ms < 5_000, "the hall answered at once, not after " + ms + " ms");
            assertTrue(hall.mqtt().connected());
        }
    }
}
