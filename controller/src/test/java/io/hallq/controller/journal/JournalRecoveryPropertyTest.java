package io.hallq.controller.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/** Whatever a crash or a flipped bit does to the newest segment, nothing altered is ever returned. */
class JournalRecoveryPropertyTest {

    private static final String DAY = "2026-11-23";

    private Path dir;

    @BeforeTry
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("journal-property");
    }

    @AfterTry
    void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(JournalRecoveryPropertyTest::delete);
        }
    }

    @Provide
    Arbitrary<List<List<byte[]>>> batches() {
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return payload.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 500)
    void truncatedFile_reopensToLongestPrefixOfWholeBatches_andAppendsContinue(
            @ForAll("batches") List<List<byte[]>> batches, @ForAll @IntRange(max = 1000) int cutPerMille)
            throws IOException {
        List<Integer> batchEnds = write(batches);
        Path file = Payloads.segment(dir, DAY);
        byte[] whole = Files.readAllBytes(file);
        int cut = SegmentFormat.HEADER_SIZE + (whole.length - SegmentFormat.HEADER_SIZE) * cutPerMille / 1000;
        Files.write(file, Arrays.copyOf(whole, cut));

        int wholeBatches = (int) batchEnds.stream().filter(end -> end <= cut).count();
        List<byte[]> expected = batches.subList(0, wholeBatches).stream().flatMap(List::stream).toList();
        try (Journal journal = Journal.open(dir)) {
            assertRecords(expected, journal.read(DAY));
            assertEquals(expected.size() + 2L, journal.append(Payloads.batch("next", "after")));
        }
    }

    @Property(tries = 500)
    void singleByteCorruption_isDetectedOrCutInTheLastBatch_neverReturnedChanged(
            @ForAll("batches") List<List<byte[]>> batches, @ForAll @IntRange(max = 1000) int positionPerMille,
            @ForAll @IntRange(min = 1, max = 255) int flip) throws IOException {
        List<Integer> batchEnds = write(batches);
        Path file = Payloads.segment(dir, DAY);
        byte[] bytes = Files.readAllBytes(file);
        int position = Math.min(bytes.length - 1, bytes.length * positionPerMille / 1000);
        bytes[position] ^= (byte) flip;
        Files.write(file, bytes);

        int lastBatchStart = batchEnds.size() < 2 ? SegmentFormat.HEADER_SIZE : batchEnds.get(batchEnds.size() - 2);
        List<byte[]> allButLast = batches.subList(0, batches.size() - 1).stream().flatMap(List::stream).toList();
        try (Journal journal = Journal.open(dir)) {
            assertTrue(position >= lastBatchStart, "damage before the last batch went unnoticed at " + position);
            assertRecords(allButLast, journal.read(DAY));
            assertEquals(allButLast.size() + 1L, journal.append(Payloads.batch("next")));
            Statistics.label("outcome").collect("last batch cut");
        } catch (JournalCorruptException e) {
            Statistics.label("outcome").collect("detected");
            assertEquals(file, e.file());
            assertTrue(Files.exists(e.damagedCopy().orElseThrow()));
        }
    }

    /** Appends each batch through the journal and returns the file offset where each one ends. */
    private List<Integer> write(List<List<byte[]>> batches) {
        List<Integer> ends = new ArrayList<>();
        int end = SegmentFormat.HEADER_SIZE;
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment(DAY);
            for (List<byte[]> batch : batches) {
                journal.append(batch);
                end += batch.stream().mapToInt(p -> SegmentFormat.RECORD_OVERHEAD + p.length).sum();
                ends.add(end);
            }
        }
        return ends;
    }

    private static void assertRecords(List<byte[]> expected, List<JournalRecord> records) {
        assertEquals(expected.size(), records.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(i + 1L, records.get(i).sequence());
            assertArrayEquals(expected.get(i), records.get(i).payload());
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
