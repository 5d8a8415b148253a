package io.hallq.protocol.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.PhoneNumber;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MqttCodecTest {

    private static Decoded<CommandRequest> command(String json) {
        String withId = json.strip().replaceFirst("^\\{", "{" + ENVELOPE);
        return MqttCodec.decode(withId.getBytes(StandardCharsets.UTF_8), CommandRequest.class);
    }

    /** The id and issue time every command carries, put in front of the tests' own fields. */
    static final String ENVELOPE = "\"id\":\"c-1\",\"issuedAt\":\"2026-11-23T02:15:30Z\",";

    private static String reason(Decoded<?> d) {
        return assertInstanceOf(Decoded.Malformed.class, d).reason();
    }

    private static void assertNames(String reason, String... parts) {
        for (String p : parts) {
            assertTrue(reason.contains(p), () -> "'" + reason + "' should mention " + p);
        }
    }

    @Test
    void unknownFields_areTolerated() {
        Decoded<CommandRequest> d = command("""
                {"v":1,"extra":{"x":1},"command":{"type":"SetService","service":"INFO","enabled":true,"colour":"red"}}
                """);
        assertEquals(new Decoded.Ok<>(CommandRequest.of("c-1", java.time.Instant.parse("2026-11-23T02:15:30Z"),
                new HallCommand.SetService("INFO", true, null, null))), d);
    }

    @Test
    void missingPrimitiveField_isRejected_namingIt() {
        assertNames(reason(command("""
                {"v":1,"command":{"type":"SetService","service":"INFO"}}
                """)), "missing field", "'command.enabled'");
    }

    @Test
    void missingTextField_isRejected_namingIt() {
        assertNames(reason(command("""
                {"v":1,"command":{"type":"SetService","enabled":true}}
                """)), "'command.service'");
    }

    @Test
    void switchingOffWithoutMessage_isRejected_namingTheMessage() {
        assertNames(reason(command("""
                {"v":1,"command":{"type":"SetService","service":"INFO","enabled":false,"messageEn":"x"}}
                """)), "'command.messageZh'");
    }

    @Test
    void wronglyTypedField_isRejected_namingIt() {
        assertNames(reason(command("""
                {"v":1,"command":{"type":"BroadcastNotice","textZh":"a","textEn":"b","durationSeconds":"long"}}
                """)), "'command.durationSeconds'");
    }

    @Test
    void outOfRangeField_isRejected_namingIt() {
        assertNames(reason(command("""
                {"v":1,"command":{"type":"BroadcastNotice","textZh":"a","textEn":"b","durationSeconds":0}}
                """)), "'command.durationSeconds'");
    }

    @Test
    void unknownCommandType_isRejected_namingTheType() {
        assertNames(reason(command("""
                {"v":1,"command":{"type":"FormatDisk"}}
                """)), "'command.type'", "FormatDisk");
    }

    @Test
    void missingCommandType_isRejected() {
        assertNames(reason(command("""
                {"v":1,"command":{"service":"INFO"}}
                """)), "'command.type'");
    }

    @Test
    void missingVersion_isRejected_namingIt() {
        assertNames(reason(command("""
                {"command":{"type":"RequestStats"}}
                """)), "'v'");
    }

    @Test
    void otherVersion_isRejected_sayingWhichIsUnderstood() {
        assertNames(reason(command("""
                {"v":2,"command":{"type":"RequestStats"}}
                """)), "'v'", "expected 1");
    }

    @Test
    void brokenJson_isRejected_asNotJson() {
        assertTrue(reason(command("{\"v\":1,")).startsWith("not valid JSON"));
        assertFalse(reason(command("")).isBlank());
    }

    @Test
    void eventWithMissingSequence_isRejected_namingIt() {
        Decoded<EventMessage> d = MqttCodec.decode("""
                {"v":1,"hall":"h1","eventId":"x","event":{"type":"AlarmCleared","at":"2026-11-23T02:15:30Z","alarmId":"A"}}
                """.getBytes(StandardCharsets.UTF_8), EventMessage.class);
        assertNames(reason(d), "'seq'");
    }

    @Test
    void nestedStatusField_isNamedWithItsPath() {
        Decoded<HallStatus> d = MqttCodec.decode("""
                {"v":1,"hall":"h1","nameZh":"z","nameEn":"e","at":"2026-11-23T02:15:30Z","lastSeq":1,
                 "openCounters":1,"busy":"QUIET","alarms":[],
                 "services":{"OPEN":{"enabled":true,"waiting":1,"estimatedWaitSeconds":5}}}
                """.getBytes(StandardCharsets.UTF_8), HallStatus.class);
        assertNames(reason(d), "services.OPEN", "waitingByClass");
    }

    @Test
    void boardCounterWithUnknownStatus_isRejected_namingTheField() {
        Decoded<HallBoard> d = MqttCodec.decode("""
                {"v":1,"hall":"h1","seq":3,"at":"2026-11-23T02:15:30Z","hallZh":"厅","hallEn":"Hall",
                 "counters":[{"number":1,"nameZh":"1号","nameEn":"1","status":"ASLEEP"}],
                 "calls":[],"services":[],"notices":[]}
                """.getBytes(StandardCharsets.UTF_8), HallBoard.class);
        assertNames(reason(d), "'counters[0].status'");
    }

    @Test
    void badValueInTheSecondListElement_isNamedWithItsIndex() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/golden/daily-stats.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("statistics").path("serviceHours").get(1))
                .put("hour", 25);
        Decoded<DailyStats> d = MqttCodec.decode(tree.toString().getBytes(StandardCharsets.UTF_8), DailyStats.class);
        assertNames(reason(d), "'statistics.serviceHours[1].hour'");
    }

    @Test
    void boardCallWithoutTicket_isRejected_namingIt() {
        Decoded<HallBoard> d = MqttCodec.decode("""
                {"v":1,"hall":"h1","seq":3,"at":"2026-11-23T02:15:30Z","hallZh":"厅","hallEn":"Hall",
                 "counters":[],"calls":[{"counter":2,"recall":false,"seq":3}],"services":[],"notices":[]}
                """.getBytes(StandardCharsets.UTF_8), HallBoard.class);
        assertNames(reason(d), "missing field", "ticket");
    }

    @Test
    void boardWithoutItsCounters_isRejected_namingThem() {
        Decoded<HallBoard> d = MqttCodec.decode("""
                {"v":1,"hall":"h1","seq":3,"at":"2026-11-23T02:15:30Z","hallZh":"厅","hallEn":"Hall",
                 "calls":[],"services":[],"notices":[]}
                """.getBytes(StandardCharsets.UTF_8), HallBoard.class);
        assertNames(reason(d), "'counters'");
    }

    @Test
    void boardMessage_carriesNothingPersonal() {
        String json = new String(MqttCodec.encode(Samples.board()), StandardCharsets.UTF_8);
        for (String personal : new String[] {"phone", "token", "class", "Class"}) {
            assertFalse(json.contains(personal), () -> json + " should not mention " + personal);
        }
    }

    @Test
    void eventId_isStableAcrossResends() {
        EventMessage a = Samples.eventMessages().get(3);
        assertEquals(a.eventId(), EventMessage.of(a.hall(), a.seq(), a.event()).eventId());
        assertNotEquals(a.eventId(), EventMessage.of(a.hall(), a.seq() + 1, a.event()).eventId());
    }

    @Test
    void phoneNumbers_areMaskedOrHashed_neverClear() {
        assertEquals("138****5678", PhoneNumber.mask("138 1234 5678"));
        assertEquals("138****5678", PhoneNumber.ensureMasked("13812345678"));
        assertEquals("138****5678", PhoneNumber.ensureMasked("138****5678"));
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        String h = PhoneNumber.parse("13812345678").keyedHash(key);
        assertEquals(64, h.length());
        // a number written with separators is refused before it is hashed, so it cannot hash differently
        assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse("138-1234-5678"));
        assertNotEquals(h, PhoneNumber.parse("13812345678").keyedHash("other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void topics_areUnderTheVersionedRoot_andRefuseBadSegments() {
        assertEquals("hallq/v1/h1/events", Topics.events("h1"));
        assertEquals("hallq/v1/h1/cmd/central", Topics.command("h1", "central"));
        assertEquals("hallq/v1/h1/board", Topics.board("h1"));
        assertEquals("h1", Topics.hallOf("hallq/v1/h1/status"));
        assertEquals("$share/central/hallq/v1/+/events", Topics.shared("central", Topics.allHalls("events")));
        assertThrows(IllegalArgumentException.class, () -> Topics.status("a/#"));
    }

    private static String stats(String json) {
        return reason(MqttCodec.decode(json.getBytes(StandardCharsets.UTF_8), DailyStats.class));
    }

    private static String goldenStats() throws java.io.IOException {
        return new String(MqttContractTest.read("golden/daily-stats.json"), StandardCharsets.UTF_8);
    }

    @Test
    void stats_withoutStatistics_isRejected_namingIt() {
        assertNames(stats("""
                {"v":1,"hall":"h-1","day":"2026-11-23","at":"2026-11-23T02:00:00Z","lastSeq":3,"closed":true}
                """), "missing field", "'statistics'");
    }

    @Test
    void stats_withoutClosedFlag_isRejected_namingIt() throws Exception {
        assertNames(stats(goldenStats().replace("\"closed\": false,", "")), "missing field", "'closed'");
    }

    @Test
    void stats_serviceHourWithoutArrivals_isRejected_namingTheField() throws Exception {
        assertNames(stats(goldenStats().replaceFirst("\"arrivals\": 2,", "")), "missing field", "arrivals");
    }

    @Test
    void stats_hourOutOfRange_isRejected_namingTheFieldAndRange() throws Exception {
        assertNames(stats(goldenStats().replaceFirst("\"hour\": 9,", "\"hour\": 24,")), "'statistics.", "hour",
                "0..23", "24");
    }

    @Test
    void stats_negativeWait_isRejected_namingTheField() throws Exception {
        assertNames(stats(goldenStats().replaceFirst("\"meanWaitSeconds\": 450.0", "\"meanWaitSeconds\": -1")),
                "meanWaitSeconds", "-1");
    }

    @Test
    void stats_ofAnotherDayThanTheEnvelope_isRejected() throws Exception {
        assertNames(stats(goldenStats().replaceFirst("\"day\": \"2026-11-23\",\n  \"at\"",
                "\"day\": \"2026-11-22\",\n  \"at\"")), "'statistics.day'", "2026-11-22");
    }

    @Test
    void stats_countsAsText_areRejected_namingTheField() throws Exception {
        assertNames(stats(goldenStats().replaceFirst("\"served\": 1,", "\"served\": \"one\",")), "served");
    }

    @Test
    void profile_withWeeksOutOfRange_orASlotWithoutWeekday_isRejected_namingTheField() throws Exception {
        String golden = new String(MqttContractTest.read("golden/profile.json"), StandardCharsets.UTF_8);
        assertNames(reason(MqttCodec.decode(golden.replace("\"weeks\": 4", "\"weeks\": 0")
                .getBytes(StandardCharsets.UTF_8), HallProfile.class)), "'weeks'", "1..52");
        assertNames(reason(MqttCodec.decode(golden.replaceFirst("\"weekday\": \"MONDAY\",", "")
                .getBytes(StandardCharsets.UTF_8), HallProfile.class)), "missing field", "weekday");
        assertNames(reason(MqttCodec.decode(golden.replace("\"v\": 1", "\"v\": 2")
                .getBytes(StandardCharsets.UTF_8), HallProfile.class)), "'v'", "unsupported version 2");
    }

    @Test
    void statsAndProfileTopics_sitUnderTheHall() {
        assertEquals("hallq/v1/h-1/stats", Topics.stats("h-1"));
        assertEquals("hallq/v1/h-1/stats/daily", Topics.statsDaily("h-1"));
        assertEquals("hallq/v1/h-1/profile", Topics.profile("h-1"));
    }

    /** Finding 16 of issue #12: each of these used to be coerced and accepted; the schema now decides. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            trailing garbage     | {"v":1,"command":{"type":"RequestStats"}} x                                                  | not valid JSON
            second document      | {"v":1,"command":{"type":"RequestStats"}} {}                                                 | not valid JSON
            v as text            | {"v":"1","command":{"type":"RequestStats"}}                                                  | 'v'
            v as fraction        | {"v":1.5,"command":{"type":"RequestStats"}}                                                  | 'v'
            duration fraction    | {"v":1,"command":{"type":"BroadcastNotice","textZh":"a","textEn":"b","durationSeconds":1.5}} | 'command.durationSeconds'
            duration as text     | {"v":1,"command":{"type":"BroadcastNotice","textZh":"a","textEn":"b","durationSeconds":"60"}} | 'command.durationSeconds'
            weight above maximum | {"v":1,"command":{"type":"SetCounterProfile","counter":5,"profile":[{"service":"PAY","weightSeconds":7201}]}} | 'command.profile[0].weightSeconds'
            counter as text      | {"v":1,"command":{"type":"SetCounterProfile","counter":"5","profile":[]}}                     | 'command.counter'
            number as message    | {"v":1,"command":{"type":"SetService","service":"INFO","enabled":false,"messageZh":1,"messageEn":"x"}} | 'command.messageZh'
            number as notice     | {"v":1,"command":{"type":"BroadcastNotice","textZh":5,"textEn":"b","durationSeconds":60}}    | 'command.textZh'
            duplicated class     | {"v":1,"command":{"type":"SetCounterProfile","counter":5,"profile":[{"service":"PAY","classes":["VIP","VIP"]}]}} | 'command.profile[0].classes'
            NUL notice           | {"v":1,"command":{"type":"BroadcastNotice","textZh":"\\u0000","textEn":"b","durationSeconds":60}} | 'command.textZh'
            enabled as text      | {"v":1,"command":{"type":"SetService","service":"INFO","enabled":"true"}}                    | 'command.enabled'
            lower-case service   | {"v":1,"command":{"type":"SetService","service":"info","enabled":true}}                      | 'command.service'
            duplicate key        | {"v":1,"v":1,"command":{"type":"RequestStats"}}                                              | not valid JSON
            array as root        | []                                                                                          | (root)
            """)
    void looseInput_isRejected_namingTheField(String what, String json, String named) {
        assertNames(reason(command(json.strip())), named);
    }

    /** Issue #15: the booking commands' own schema is strict: no clear number, no other fields, no coercion. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            clear number instead of a hash | {"type":"BookAppointment","service":"OPEN","start":"2026-11-24T02:00:00Z","phone":"13812341234","phoneHash":"%1$s","phoneMasked":"138****1234"} | phone
            number in the masked field     | {"type":"BookAppointment","service":"OPEN","start":"2026-11-24T02:00:00Z","phoneHash":"%1$s","phoneMasked":"13812341234"} | phoneMasked
            short hash                     | {"type":"BookAppointment","service":"OPEN","start":"2026-11-24T02:00:00Z","phoneHash":"abc","phoneMasked":"138****1234"} | phoneHash
            upper-case hash                | {"type":"BookAppointment","service":"OPEN","start":"2026-11-24T02:00:00Z","phoneHash":"%2$s","phoneMasked":"138****1234"} | phoneHash
            start not a time               | {"type":"BookAppointment","service":"OPEN","start":"tomorrow","phoneHash":"%1$s","phoneMasked":"138****1234"} | start
            start as a number              | {"type":"BookAppointment","service":"OPEN","start":1764122400,"phoneHash":"%1$s","phoneMasked":"138****1234"} | start
            no service                     | {"type":"BookAppointment","start":"2026-11-24T02:00:00Z","phoneHash":"%1$s","phoneMasked":"138****1234"} | service
            lower-case service             | {"type":"BookAppointment","service":"open","start":"2026-11-24T02:00:00Z","phoneHash":"%1$s","phoneMasked":"138****1234"} | service
            cancel without booking         | {"type":"CancelBooking"} | booking
            cancel with a number id        | {"type":"CancelBooking","booking":7} | booking
            cancel with extra field        | {"type":"CancelBooking","booking":"b-1","reason":"x"} | reason
            cancel with a path id          | {"type":"CancelBooking","booking":"../../etc"} | booking
            """)
    void hostileBookingCommands_areRejected_namingTheField(String what, String commandJson, String named) {
        String hash = "3f9a0c6e5b1d2478a9e0f1c2d3b4a5968776655443322110ffeeddccbbaa9988";
        String json = "{\"v\":1," + ENVELOPE + "\"command\":" + commandJson.strip().formatted(hash, hash.toUpperCase())
                + "}";
        assertNames(reason(MqttCodec.decode(json.getBytes(StandardCharsets.UTF_8), CommandRequest.class)), named);
    }

    @Test
    void commandWithoutIdOrIssueTime_isRejected_namingThem() {
        assertNames(reason(MqttCodec.decode("{\"v\":1,\"issuedAt\":\"2026-11-23T02:15:30Z\",\"command\":{\"type\":\"RequestStats\"}}"
                .getBytes(StandardCharsets.UTF_8), CommandRequest.class)), "missing field 'id'");
        assertNames(reason(MqttCodec.decode("{\"v\":1,\"id\":\"a\",\"command\":{\"type\":\"RequestStats\"}}"
                .getBytes(StandardCharsets.UTF_8), CommandRequest.class)), "missing field 'issuedAt'");
        assertNames(reason(command("{\"v\":1,\"id\":\"../x y\",\"command\":{\"type\":\"RequestStats\"}}")), "'id'");
    }

    @Test
    void invalidUtf8_deepNesting_andHugeMessages_areRejected_beforeAnythingIsBound() {
        byte[] bad = ("{\"v\":1," + ENVELOPE + "\"command\":{\"type\":\"BroadcastNotice\",\"textZh\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\",\"textEn\":\"b\",\"durationSeconds\":60}}".getBytes(StandardCharsets.UTF_8);
        byte[] withBadUtf8 = new byte[bad.length + 2 + tail.length];
        System.arraycopy(bad, 0, withBadUtf8, 0, bad.length);
        withBadUtf8[bad.length] = (byte) 0xC0;
        withBadUtf8[bad.length + 1] = (byte) 0x80;
        System.arraycopy(tail, 0, withBadUtf8, bad.length + 2, tail.length);
        assertNames(reason(MqttCodec.decode(withBadUtf8, CommandRequest.class)), "UTF-8");
        String deep = "[".repeat(500) + "]".repeat(500);
        assertNames(reason(command("{\"v\":1,\"x\":" + deep + ",\"command\":{\"type\":\"RequestStats\"}}")),
                "not valid JSON");
        String huge = "{\"v\":1,\"pad\":\"" + "x".repeat(1 << 20) + "\",\"command\":{\"type\":\"RequestStats\"}}";
        assertNames(reason(command(huge)), "bytes, at most");
    }
}
