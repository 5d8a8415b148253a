package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClassRulesTest {

    private static TestHall classes(String body) {
        return TestHall.minimal().with("classes", body);
    }

    @Test
    void classes_mustBeANonEmptyList() {
        assertEquals(inFile("classes: missing; expected a non-empty list of classes"),
                TestHall.minimal().without("classes").errors());
        assertEquals(inFile("classes: expected a non-empty list of classes, got an empty list"),
                classes("[]").errors());
    }

    @Test
    void codeAndNames_areRequired() {
        assertEquals(inFile("classes[1].code: missing; expected a code of an uppercase letter then up to 15 of"
                        + " A-Z, 0-9, '_'",
                "classes[1].nameZh: missing; expected a non-blank text",
                "classes[1].nameEn: missing; expected a non-blank text"),
                classes("- { code: VIP, nameZh: 贵宾, nameEn: VIP, vipRoom: true }\n- { default: true }").errors());
    }

    @Test
    void code_mustFollowThePatternAndBeUnique() {
        assertEquals(inFile("classes[1].code: expected a code of an uppercase letter then up to 15 of A-Z, 0-9, '_',"
                        + " got 'walk-in'",
                "classes[2].code: duplicate code 'VIP' (also used by classes[0])"), classes("""
                - { code: VIP,     nameZh: 贵宾, nameEn: VIP,     vipRoom: true }
                - { code: walk-in, nameZh: 普通, nameEn: Walk-in, default: true }
                - { code: VIP,     nameZh: 贵宾, nameEn: VIP 2 }
                """).errors());
    }

    @Test
    void priority_mustLieBetweenZeroAndTwoHours() {
        assertEquals(inFile("classes[0].priority: expected a duration from 0 to 2h, got '121m'",
                "classes[1].priority: expected a duration from 0 to 2h, got '-PT1M'"), classes("""
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP,     vipRoom: true, priority: 121m }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: true, priority: -PT1M }
                """).errors());
        assertEquals(Duration.ofHours(2), classes("""
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP,     vipRoom: true, priority: 2h }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: true }
                """).load().classes().get(0).priority());
    }

    @Test
    void targets_mustBePositive() {
        assertEquals(inFile("classes[0].busyTarget: expected a duration more than 0, got '0s'",
                "classes[0].quietTarget: expected a duration more than 0, got '-PT5M'"), classes("""
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP,     vipRoom: true, busyTarget: 0s, quietTarget: -PT5M }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: true }
                """).errors());
    }

    @Test
    void noDefaultClass_isReported() {
        assertEquals(inFile("classes: exactly one class may be default: true (found 0)"), classes("""
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP, vipRoom: true }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: false }
                """).errors());
    }

    @Test
    void twoDefaultClasses_areNamed() {
        assertEquals(inFile("classes: exactly one class may be default: true (found 2: classes[0], classes[1])"),
                classes("""
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP, vipRoom: true, default: true }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: true }
                """).errors());
    }

    @Test
    void unreadableClass_isReportedWithoutGuessingAboutTheDefault() {
        assertEquals(inFile("classes[1]: expected a mapping with code, nameZh, nameEn, priority, busyTarget,"
                + " quietTarget, vipRoom, default, got 'WALKIN'"),
                classes("- { code: VIP, nameZh: 贵宾, nameEn: VIP, vipRoom: true }\n- WALKIN").errors());
    }

    @Test
    void defaultKey_becomesIsDefault() {
        HallConfig c = TestHall.minimal().load();
        assertEquals("WALKIN", c.defaultClass().code());
        assertEquals(false, c.classes().get(0).isDefault());
    }

    @Test
    void isDefault_isNotTheYamlKey() {
        assertEquals(inFile("classes[1].isDefault: unknown key, did you mean 'default'? (known: code, nameZh,"
                        + " nameEn, priority, busyTarget, quietTarget, vipRoom, default)",
                "classes: exactly one class may be default: true (found 0)"), classes("""
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP, vipRoom: true }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, isDefault: true }
                """).errors());
    }
}
