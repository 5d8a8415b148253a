package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.display.led.Max7219;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A chain of displays written one chip at a time keeps every chip's registers as written, with no repaint. */
class Max7219ChainProperties {

    record Write(int chip, int register, int value) {}

    @Provide
    Arbitrary<List<Write>> writes() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 255)).as((c, r, v) -> new Write(c, r, v)).list().ofMaxSize(80);
    }

    @Property
    void everyChipHoldsWhatWasLastWrittenToIt_eachFrameTouchesOneChip_andAnUnchangedValueSendsNothing(
            @ForAll @IntRange(min = 1, max = 8) int chips, @ForAll("writes") List<Write> writes) {
        List<byte[]> frames = new ArrayList<>();
        Max7219Chain chain = new Max7219Chain(frames::add, chips);
        chain.init(8);
        int[][] expected = new int[chips][16];
        for (int[] chip : expected) {
            chip[Max7219.SCAN_LIMIT] = 7;
            chip[Max7219.INTENSITY] = 8;
            chip[Max7219.SHUTDOWN] = 1;
        }
        frames.clear();
        for (Write w : writes) {
            int chip = w.chip() % chips;
            int register = w.register() == Max7219.DECODE_MODE || w.register() == Max7219.SCAN_LIMIT
                    || w.register() == Max7219.INTENSITY ? Max7219.SHUTDOWN : w.register();
            int before = frames.size();
            boolean sent = chain.write(chip, register, w.value());
            assertEquals(expected[chip][register] != w.value(), sent);
            assertEquals(before + (sent ? 1 : 0), frames.size());
            expected[chip][register] = w.value();
        }
        int[][] decoded = new int[chips][16];
        for (int[] chip : decoded) {
            chip[Max7219.SCAN_LIMIT] = 7;
            chip[Max7219.INTENSITY] = 8;
            chip[Max7219.SHUTDOWN] = 1;
        }
        for (byte[] f : frames) {
            assertEquals(chips * 2, f.length);
            int touched = 0;
            for (int chip = 0; chip < chips; chip++) {
                int pos = (chips - 1 - chip) * 2;
                int reg = f[pos] & 0x0F;
                if (reg != Max7219.NO_OP) {
                    decoded[chip][reg] = f[pos + 1] & 0xFF;
                    touched++;
                }
            }
            assertEquals(1, touched, "one chip per frame, no-op words for the rest");
        }
        for (int chip = 0; chip < chips; chip++) {
            assertArrayEquals(expected[chip], decoded[chip], "chip " + chip);
        }
    }
}
