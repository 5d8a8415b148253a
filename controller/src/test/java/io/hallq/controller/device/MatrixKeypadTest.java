package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixKeypadTest {

    /** Row outputs recording their level; columns reading low when a held key's row is low. */
    private final boolean[] rowLevel = {false, false, false, false};
    private final List<String> rowWrites = new ArrayList<>();
    private final boolean[][] held = new boolean[4][3];

    private MatrixKeypad keypad() {
        List<OutputPin> rows = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int row = r;
            rows.add(high -> {
                rowLevel[row] = high;
                rowWrites.add(row + (high ? "H" : "L"));
            });
        }
        List<InputPin> cols = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int col = c;
            cols.add(() -> {
                for (int r = 0; r < 4; r++) {
                    if (held[r][col] && !rowLevel[r]) {
                        return false;
                    }
                }
                return true;
            });
        }
        return new MatrixKeypad(rows, cols, MatrixKeypad.PHONE_LAYOUT,
                new InputTiming(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ZERO));
    }

    @Test
    void idleKeypad_restsWithEveryRowLow_andIsScannedWithoutTouchingTheRows() {
        MatrixKeypad k = keypad();
        assertEquals(List.of("0L", "1L", "2L", "3L"), rowWrites);
        rowWrites.clear();
        k.scan(0);
        k.scan(2);
        assertEquals(List.of(), rowWrites);
    }

    @Test
    void aKeyDown_drivesOneRowLowAtATime_thenAllLowAgain() {
        MatrixKeypad k = keypad();
        held[2][1] = true;
        rowWrites.clear();
        k.scan(0);
        assertEquals(List.of("1H", "2H", "3H", "0H", "1L", "1H", "2L", "2H", "3L", "0L", "1L", "2L"), rowWrites);
        assertEquals(List.of(false, false, false, false), List.of(rowLevel[0], rowLevel[1], rowLevel[2], rowLevel[3]));
    }

    @Test
    void scan_findsEachKeyAtItsRowAndColumn() {
        MatrixKeypad k = keypad();
        k.scan(0);
        StringBuilder typed = new StringBuilder();
        long t = 1;
        for (int i = 0; i < 12; i++) {
            held[i / 3][i % 3] = true;
            k.scan(t);
            for (var s : k.scan(t + 15)) {
                if (s.signal() == KeyDebouncer.Signal.PRESSED) {
                    typed.append(s.key());
                }
            }
            held[i / 3][i % 3] = false;
            k.scan(t + 20);
            k.scan(t + 35);
            t += 50;
        }
        assertEquals("123456789*0#", typed.toString());
    }

    @Test
    void layout_mustMatchTheMatrix() {
        assertThrows(IllegalArgumentException.class,
                () -> new MatrixKeypad(List.of(h -> { }), List.of(() -> true), "12", InputTiming.DEFAULT));
    }
}
