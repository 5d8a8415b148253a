package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterRulesTest {

    private static final String KNOWN_SERVICES = "(known: OPEN, SIM, ADJ, PLAN, PAY, PROMO, BILL, INFO)";

    private static TestHall counters(String body) {
        return TestHall.minimal().with("counters", body);
    }

    /** Eight services as in the example hall, so messages list the same known codes; all but OPEN and PAY direct. */
    private static TestHall eightServices(String counters) {
        StringBuilder services = new StringBuilder();
        String[] codes = {"OPEN", "SIM", "ADJ", "PLAN", "PAY", "PROMO", "BILL", "INFO"};
        for (int i = 0; i < codes.length; i++) {
            boolean called = codes[i].equals("OPEN") || codes[i].equals("PAY");
            services.append("- { code: ").append(codes[i]).append(", nameZh: 某, nameEn: S, prefix: ")
                    .append((char) ('A' + i)).append(", handlingTime: 5m, directQueue: ").append(!called)
                    .append(" }\n");
        }
        return TestHall.minimal().with("services", services.toString()).with("counters", counters);
    }

    @Test
    void counters_mustBeANonEmptyList() {
        assertEquals(inFile("counters: missing; expected a non-empty list of counters"),
                TestHall.minimal().without("counters").errors());
    }

    @Test
    void number_isRequiredWithinOneTo999AndUnique() {
        assertEquals(inFile("counters[1].number: missing; expected a whole number from 1 to 999",
                "counters[2].number: expected a whole number from 1 to 999, got 1000",
                "counters[3].number: duplicate number 1 (also used by counters[0])"), counters("""
                - { number: 1, profile: [{ service: OPEN }, { service: PAY }] }
                - { nameEn: No number }
                - { number: 1000 }
                - { number: 1 }
                """).errors());
    }

    @Test
    void names_canBeGiven() {
        CounterConfig c = counters("- { number: 7, nameZh: 七号, nameEn: Seven, profile: [{ service: OPEN },"
                + " { service: PAY }] }").load().counters().get(0);
        assertEquals("七号", c.nameZh());
        assertEquals("Seven", c.nameEn());
    }

    @Test
    void unknownServiceInProfile_isReportedWithItsPath() {
        assertEquals(inFile("counters[2].profile[0].service: unknown service 'PAYY' " + KNOWN_SERVICES),
                eightServices("""
                        - { number: 1, profile: [{ service: OPEN }] }
                        - { number: 2, profile: [{ service: PAY }] }
                        - { number: 3, profile: [{ service: PAYY }] }
                        """).errors());
    }

    @Test
    void unknownClassInProfile_isReportedWithItsPath() {
        assertEquals(inFile("counters[0].profile[0].classes[1]: unknown class 'GOLD' (known: VIP, WALKIN)"),
                counters("- { number: 1, profile: [{ service: OPEN, classes: [VIP, GOLD] }, { service: PAY }] }")
                        .errors());
    }

    @Test
    void profileEntry_needsAService() {
        assertEquals(inFile("counters[0].profile[2].service: missing; expected a service code"),
                counters("- { number: 1, profile: [{ service: OPEN }, { service: PAY }, { weight: 5m }] }").errors());
    }

    @Test
    void serviceTwiceInOneProfile_isReported() {
        assertEquals(inFile("counters[0].profile[2].service: duplicate service 'OPEN' (also used by"
                        + " counters[0].profile[0])"),
                counters("- { number: 1, profile: [{ service: OPEN }, { service: PAY }, { service: OPEN }] }")
                        .errors());
    }

    @Test
    void classTwiceInOneEntry_isReported() {
        assertEquals(inFile("counters[0].profile[0].classes[1]: duplicate class 'VIP'"),
                counters("- { number: 1, profile: [{ service: OPEN, classes: [VIP, VIP] }, { service: PAY }] }")
                        .errors());
    }

    @Test
    void weight_mustLieBetweenZeroAndTwoHours() {
        assertEquals(inFile("counters[0].profile[0].weight: expected a duration from 0 to 2h, got '3h'"),
                counters("- { number: 1, profile: [{ service: OPEN, weight: 3h }, { service: PAY }] }").errors());
    }

    @Test
    void profileEntry_keepsClassesAndWeight() {
        CounterConfig c = counters("- { number: 1, profile: [{ service: OPEN, classes: [VIP], weight: 90s },"
                + " { service: PAY, classes: [] }] }").load().counters().get(0);
        assertEquals(List.of(new ProfileEntry("OPEN", List.of("VIP"), Duration.ofSeconds(90)),
                new ProfileEntry("PAY", List.of(), Duration.ZERO)), c.profile());
    }

    @Test
    void enabledServiceServedByNoCounter_isNamed() {
        assertEquals(inFile("counters: no counter serves the service 'PAY'; add it to a counter's profile,"
                + " or set directQueue: true or enabled: false on it"),
                counters("- { number: 1, profile: [{ service: OPEN }] }").errors());
    }

    @Test
    void unservedService_isNotClaimedWhileAProfileIsUnreadable() {
        assertEquals(inFile("counters[0].profile[0].service: unknown service 'PAYY' (known: OPEN, PAY)",
                "counters[1].profile: expected a list of profile entries, got a mapping"),
                counters("""
                        - { number: 1, profile: [{ service: PAYY }] }
                        - { number: 2, profile: { service: OPEN } }
                        """).errors());
    }

    @Test
    void disabledOrDirectServices_needNoCounter() {
        TestHall hall = TestHall.minimal().with("services", """
                - { code: OPEN, nameZh: 开户, nameEn: New account, prefix: A, handlingTime: 10m }
                - { code: PAY,  nameZh: 缴费, nameEn: Payment,     prefix: B, handlingTime: 2m, directQueue: true }
                - { code: BILL, nameZh: 账单, nameEn: Bill,        prefix: C, handlingTime: 2m, enabled: false }
                """).with("counters", "- { number: 1, profile: [{ service: OPEN }] }");
        assertEquals(3, hall.load().services().size());
    }

    @Test
    void vipRoomCounterWithoutVipRoomClass_isReported() {
        assertEquals(inFile("counters: counter 2 is in the VIP room (vipRoom: true) but no class has vipRoom: true"),
                TestHall.minimal().with("classes", """
                        - { code: VIP,    nameZh: 贵宾, nameEn: VIP }
                        - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: true }
                        """).with("counters", """
                        - { number: 1, profile: [{ service: OPEN }, { service: PAY }] }
                        - { number: 2, vipRoom: true, profile: [{ service: OPEN, classes: [VIP] }] }
                        """).errors());
    }

    @Test
    void vipRoomCounterWithVipRoomClass_isAccepted() {
        HallConfig c = counters("""
                - { number: 1, profile: [{ service: OPEN }, { service: PAY }] }
                - { number: 2, vipRoom: true, openAtStart: false, profile: [{ service: OPEN, classes: [VIP] }] }
                """).load();
        assertEquals(true, c.hasVipRoom());
        assertEquals(false, c.counter(2).orElseThrow().openAtStart());
    }
}
