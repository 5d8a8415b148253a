package io.hallq.controller.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small valid hall file whose sections a test replaces one at a time, so each test shows only the YAML its
 * rule is about. Section bodies are written unindented; they are indented under their key here.
 */
final class TestHall {

    static final String FILE = "hall.yaml";
    static final Path BASE = Path.of("/halls/test");

    private final Map<String, String> sections = new LinkedHashMap<>();

    private TestHall() {
        sections.put("hall", """
                id: test-hall
                nameZh: 测试厅
                nameEn: Test Hall
                """);
        sections.put("hours", """
                open: "09:00"
                close: "18:00"
                """);
        sections.put("services", """
                - { code: OPEN, nameZh: 开户, nameEn: New account, prefix: A, handlingTime: 10m }
                - { code: PAY,  nameZh: 缴费, nameEn: Payment,     prefix: B, handlingTime: 2m }
                """);
        sections.put("classes", """
                - { code: VIP,    nameZh: 贵宾, nameEn: VIP,     vipRoom: true }
                - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, default: true }
                """);
        sections.put("counters", """
                - number: 1
                  profile:
                    - { service: OPEN }
                    - { service: PAY }
                """);
    }

    static TestHall minimal() {
        return new TestHall();
    }

    /** Replaces (or adds) a top-level section; an empty body writes the bare key. */
    TestHall with(String section, String body) {
        sections.put(section, body);
        return this;
    }

    TestHall without(String section) {
        sections.remove(section);
        return this;
    }

    String yaml() {
        return sections.entrySet().stream()
                .map(e -> e.getKey() + ":" + (e.getValue().isBlank() ? "\n" : "\n" + e.getValue().indent(2)))
                .collect(Collectors.joining());
    }

    HallConfig load() {
        return HallConfigLoader.parse(yaml(), FILE, BASE);
    }

    List<String> errors() {
        return errorsOf(yaml());
    }

    static List<String> errorsOf(String yaml) {
        return assertThrows(ConfigException.class, () -> HallConfigLoader.parse(yaml, FILE, BASE)).errors();
    }

    /** Prefixes each message with the file name, as every reported line is. */
    static List<String> inFile(String... messages) {
        return java.util.Arrays.stream(messages).map(m -> FILE + ": " + m).toList();
    }
}
