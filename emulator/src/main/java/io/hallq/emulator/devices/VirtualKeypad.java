package io.hallq.emulator.devices;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 3x4 matrix keypad: a pressed key connects its row to its column, so a column reads low while the
 * controller drives that key's row low. Keys are pressed by their label ("0".."9", "*", "#"). Rows and columns
 * may be Pi GPIOs or expander pins.
 */
public final class VirtualKeypad {

    private static final String LAYOUT = "123456789*0#";

    private final List<BooleanSupplier> rows;
    private final Set<Character> down = ConcurrentHashMap.newKeySet();
    private final LongSupplier lastRead;
    private final Runnable changed;

    /**
     * @param rows     each row output's level
     * @param columns  wires each column input to a level (null: undriven, its pull-up holds it high)
     * @param lastRead when the controller last observed the columns (System.nanoTime)
     * @param changed  tells the board a key moved (an expander raises its interrupt)
     */
    VirtualKeypad(List<BooleanSupplier> rows, List<Consumer<Supplier<Boolean>>> columns, LongSupplier lastRead,
                  Runnable changed) {
        this.rows = List.copyOf(rows);
        this.lastRead = lastRead;
        this.changed = changed;
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            columns.get(c).accept(() -> columnLow(column) ? Boolean.FALSE : null);
        }
    }

    private boolean columnLow(int column) {
        for (char k : down) {
            int i = LAYOUT.indexOf(k);
            if (i % 3 == column && !rows.get(i / 3).getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    public void press(char key) {
        if (LAYOUT.indexOf(key) < 0) {
            throw new IllegalArgumentException("the keypad has no key '" + key + "'");
        }
        down.add(key);
        changed.run();
    }

    public void release(char key) {
        down.remove(key);
        changed.run();
    }

    /**
     * Taps each key in turn, each held and released over {@link VirtualButton#TAP} of the controller's scans,
     * after the controller has read the keypad at least once (a key already down at its first read is taken as
     * held since the start, and never as a press).
     */
    public void type(String keys) {
        VirtualButton.awaitSampled(lastRead, Duration.ZERO);
        for (char k : keys.toCharArray()) {
            press(k);
            VirtualButton.awaitSampled(lastRead, VirtualButton.TAP);
            release(k);
            VirtualButton.awaitSampled(lastRead, VirtualButton.TAP);
        }
    }

    /**
     * Leaves the keys as they are until the controller has read the keypad over {@code span}: time on the
     * controller's reads, as {@link VirtualButton#keep}.
     */
    public void keep(Duration span) {
        VirtualButton.awaitSampled(lastRead, span);
    }

    public void hold(char key, Duration time) {
        VirtualButton.awaitSampled(lastRead, Duration.ZERO);
        press(key);
        VirtualButton.sleep(time);
        release(key);
    }
}
