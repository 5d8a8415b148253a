package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRulesTest {

    /** The two services the minimal counter serves, followed by {@code extra} lines. */
    private static TestHall services(String extra) {
        return TestHall.minimal().with("services", """
                - { code: OPEN, nameZh: 开户, nameEn: New account, prefix: A, handlingTime: 10m }
                - { code: PAY,  nameZh: 缴费, nameEn: Payment,     prefix: B, handlingTime: 2m }
                """ + extra);
    }

    /** A third service, called by no counter (so directQueue), with the given code, prefix and more fields. */
    private static TestHall third(String code, String prefix, String more) {
        return services("- { code: " + code + ", prefix: " + prefix
                + ", nameZh: 某, nameEn: X, handlingTime: 1m, directQueue: true" + more + " }\n");
    }

    private static TestHall direct(String more) {
        return third("X", "X", ", " + more);
    }

    @Test
    void services_mustBeANonEmptyList() {
        assertEquals(inFile("services: missing; expected a non-empty list of services"),
                TestHall.minimal().without("services").errors());
        assertEquals(inFile("services: expected a non-empty list of services, got an empty list"),
                TestHall.minimal().with("services", "[]").errors());
    }

    @Test
    void requiredKeys_areEachReported() {
        assertEquals(inFile("services[2].code: missing; expected a code of an uppercase letter then up to 15 of"
                        + " A-Z, 0-9, '_'",
                "services[2].nameZh: missing; expected a non-blank text",
                "services[2].nameEn: missing; expected a non-blank text",
                "services[2].prefix: missing; expected a single uppercase letter A-Z",
                "services[2].handlingTime: missing; expected a duration more than 0 and at most 4h"),
                services("- { directQueue: true }\n").errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"open", "1OPEN", "OPEN-ACCOUNT", "ABCDEFGHIJKLMNOPQ"})
    void code_mustBeUppercaseLettersDigitsOrUnderscore(String code) {
        assertEquals(inFile("services[2].code: expected a code of an uppercase letter then up to 15 of A-Z, 0-9,"
                + " '_', got '" + code + "'"), third(code, "X", "").errors());
    }

    @Test
    void code_mustBeUnique() {
        assertEquals(inFile("services[2].code: duplicate code 'OPEN' (also used by services[0])"),
                third("OPEN", "X", "").errors());
    }

    @Test
    void prefix_mustBeOneUppercaseLetter() {
        assertEquals(inFile("services[2].prefix: expected a single uppercase letter A-Z, got 'AB'"),
                third("X", "AB", "").errors());
        assertEquals(inFile("services[2].prefix: expected a single uppercase letter A-Z, got 'c'"),
                third("X", "c", "").errors());
    }

    @Test
    void prefix_mustBeUnique() {
        assertEquals(inFile("services[1].prefix: duplicate prefix 'A' (also used by services[0])"),
                TestHall.minimal().with("services", """
                        - { code: OPEN, nameZh: 开户, nameEn: New account, prefix: A, handlingTime: 10m }
                        - { code: PAY,  nameZh: 缴费, nameEn: Payment,     prefix: A, handlingTime: 2m }
                        """).errors());
    }

    @Test
    void numbers_mustLieWithinOneTo9999() {
        assertEquals(inFile("services[2].numberFrom: expected a whole number from 1 to 9999, got 0",
                "services[2].numberTo: expected a whole number from 1 to 9999, got 10000"),
                direct("numberFrom: 0, numberTo: 10000").errors());
    }

    @Test
    void numberFrom_mustNotPassNumberTo() {
        assertEquals(inFile("services[2].numberTo: expected a whole number from numberFrom (500) to 9999, got 100"),
                direct("numberFrom: 500, numberTo: 100").errors());
        assertEquals(inFile("services[2].numberFrom: expected a whole number from 1 to numberTo (999, the default),"
                + " got 1500"), direct("numberFrom: 1500").errors());
    }

    @Test
    void numberRange_ofOneNumber_isAccepted() {
        ServiceConfig s = direct("numberFrom: 9999, numberTo: 9999").load().service("X").orElseThrow();
        assertEquals(9999, s.numberFrom());
        assertEquals(4, s.digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "4h1s", "-PT1M"})
    void handlingTime_mustBePositiveAndAtMostFourHours(String time) {
        assertEquals(inFile("services[2].handlingTime: expected a duration more than 0 and at most 4h, got '"
                + time + "'"), services("- { code: X, nameZh: 某, nameEn: X, prefix: X, directQueue: true,"
                + " handlingTime: " + time + " }\n").errors());
    }

    @Test
    void handlingTime_ofFourHours_isAccepted() {
        assertEquals(Duration.ofHours(4), services("- { code: X, nameZh: 某, nameEn: X, prefix: X, directQueue: true,"
                + " handlingTime: 4h }\n").load().service("X").orElseThrow().handlingTime());
    }

    @Test
    void enabled_mustBeABoolean() {
        assertEquals(inFile("services[2].enabled: expected a boolean (true or false), got 'yes please'"),
                direct("enabled: yes please").errors());
    }

    @Test
    void disabledMessages_canBeSet() {
        ServiceConfig s = direct("enabled: false, disabledMessageZh: 维护, disabledMessageEn: Maintenance")
                .load().service("X").orElseThrow();
        assertEquals("维护", s.disabledMessageZh());
        assertEquals("Maintenance", s.disabledMessageEn());
    }

    @Test
    void misspeltKey_isNotSilentlyIgnored() {
        assertEquals(inFile("services[2].handlingTme: unknown key, did you mean 'handlingTime'? (known: code, nameZh,"
                + " nameEn, prefix, numberFrom, numberTo, handlingTime, enabled, disabledMessageZh,"
                + " disabledMessageEn, directQueue)"), direct("handlingTme: 3m").errors());
    }

    @Test
    void serviceThatIsNotAMapping_isReportedOnce() {
        assertEquals(inFile("services[2]: expected a mapping with code, nameZh, nameEn, prefix, numberFrom, numberTo,"
                + " handlingTime, enabled, disabledMessageZh, disabledMessageEn, directQueue, got 'BILL'"),
                services("- BILL\n").errors());
    }
}
