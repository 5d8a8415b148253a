package io.hallq.controller.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small helpers to keep the tests about behaviour rather than byte juggling. */
final class Payloads {

    private Payloads() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> batch(String... texts) {
        return Arrays.stream(texts).map(Payloads::bytes).toList();
    }

    static List<String> texts(List<JournalRecord> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    static List<Long> sequences(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::sequence).toList();
    }

    static List<JournalRecord> everything(Journal journal) {
        List<JournalRecord> records = new ArrayList<>();
        journal.forEachAfter(0, records::add);
        return records;
    }

    static Path segment(Path dir, String day) {
        return dir.resolve("journal-" + day + ".log");
    }
}
