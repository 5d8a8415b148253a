package io.hallq.controller.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart time matters: a busy day must be recovered and replayed quickly. */
class JournalPerformanceTest {

    private static final int BUSY_DAY_RECORDS = 25_000;

    @TempDir
    Path dir;

    @Test
    void busyDay_reopenAndReplay_takeWellUnderASecondEach() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            List<byte[]> batch = new ArrayList<>();
            for (int i = 1; i <= BUSY_DAY_RECORDS; i++) {
                batch.add(event(i));
                if (batch.size() == 1_000) {
                    journal.append(batch);
                    batch.clear();
                }
            }
        }

        long openStarted = System.nanoTime();
        try (Journal journal = Journal.open(dir)) {
            long openMillis = (System.nanoTime() - openStarted) / 1_000_000;
            long replayStarted = System.nanoTime();
            AtomicLong bytes = new AtomicLong();
            journal.forEachAfter(0, record -> bytes.addAndGet(record.payload().length));
            long replayMillis = (System.nanoTime() - replayStarted) / 1_000_000;

            assertEquals(BUSY_DAY_RECORDS, journal.lastSequence());
            assertTrue(bytes.get() > BUSY_DAY_RECORDS * 180L);
            assertTrue(openMillis < 1_000, "open took " + openMillis + " ms");
            assertTrue(replayMillis < 1_000, "replay took " + replayMillis + " ms");
        }
    }

    private static byte[] event(int number) {
        String json = "{\"type\":\"TicketIssued\",\"ticket\":\"A%03d\",\"service\":\"payments\",\"counter\":null,"
                + "\"issuedAt\":\"2026-11-23T09:%02d:%02d+01:00\",\"priority\":false,\"language\":\"de\","
                + "\"dispenser\":\"entrance-1\",\"padding\":\"....................\"}";
        return String.format(json, number % 1000, number / 60 % 60, number % 60).getBytes(StandardCharsets.UTF_8);
    }
}
