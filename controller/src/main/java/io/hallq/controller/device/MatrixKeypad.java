package io.hallq.controller.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A 3x4 matrix keypad: rows are outputs, columns inputs with pull-ups. At rest every row is driven low, so a
 * pressed key pulls its column low: a scan first reads the columns only, and when none is low (no key down,
 * the usual case) no row is touched. Otherwise it drives one row low at a time (the others high) and reads
 * which columns follow it, then drives them all low again. On an I/O expander this keeps an idle keypad off
 * the I2C bus and lets the expander's interrupt-on-change report a press. Each key is debounced on its own.
 */
public final class MatrixKeypad {

    /** The usual phone layout, row by row. */
    public static final String PHONE_LAYOUT = "123456789*0#";

    /** A key and what its latest sample meant. */
    public record KeySignal(char key, KeyDebouncer.Signal signal) {}

    private final List<OutputPin> rows;
    private final List<InputPin> columns;
    private final String layout;
    private final KeyDebouncer[] keys;
    private final boolean[] rowHigh;

    public MatrixKeypad(List<OutputPin> rows, List<InputPin> columns, String layout, InputTiming timing) {
        if (rows.size() * columns.size() != layout.length()) {
            throw new IllegalArgumentException(rows.size() + "x" + columns.size() + " keypad needs "
                    + rows.size() * columns.size() + " keys in its layout, got '" + layout + "'");
        }
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.layout = layout;
        this.keys = new KeyDebouncer[layout.length()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new KeyDebouncer(timing);
        }
        this.rowHigh = new boolean[rows.size()];
        for (OutputPin r : rows) {
            r.set(false);
        }
    }

    /** One scan; returns the keys whose sample meant something. */
    public List<KeySignal> scan(long nowMs) {
        List<KeySignal> out = new ArrayList<>(1);
        boolean anyDown = false;
        for (InputPin c : columns) {
            anyDown |= !c.high();
        }
        if (!anyDown) {
            for (int k = 0; k < keys.length; k++) {
                sample(k, false, nowMs, out);
            }
            return out;
        }
        try {
            for (int r = 0; r < rows.size(); r++) {
                for (int i = 0; i < rows.size(); i++) {
                    drive(i, i != r);
                }
                for (int c = 0; c < columns.size(); c++) {
                    sample(r * columns.size() + c, !columns.get(c).high(), nowMs, out);
                }
            }
        } finally {
            for (int i = 0; i < rows.size(); i++) {
                drive(i, false);
            }
        }
        return out;
    }

    private void drive(int row, boolean high) {
        if (rowHigh[row] != high) {
            rows.get(row).set(high);
            rowHigh[row] = high;
        }
    }

    private void sample(int k, boolean down, long nowMs, List<KeySignal> out) {
        KeyDebouncer.Signal s = keys[k].sample(down, nowMs);
        if (s != KeyDebouncer.Signal.NONE) {
            out.add(new KeySignal(layout.charAt(k), s));
        }
    }
}
