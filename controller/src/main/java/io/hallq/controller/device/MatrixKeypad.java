package io.hallq.controller.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A 3x4 matrix keypad scanned over GPIO: rows are outputs held high, columns inputs with pull-ups. A scan
 * drives one row low at a time and reads which columns follow it low. Each key is debounced on its own.
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
        rows.forEach(r -> r.set(true));
    }

    /** One full scan; returns the keys whose sample meant something. */
    public List<KeySignal> scan(long nowMs) {
        List<KeySignal> out = new ArrayList<>(1);
        for (int r = 0; r < rows.size(); r++) {
            rows.get(r).set(false);
            try {
                for (int c = 0; c < columns.size(); c++) {
                    int k = r * columns.size() + c;
                    KeyDebouncer.Signal s = keys[k].sample(!columns.get(c).high(), nowMs);
                    if (s != KeyDebouncer.Signal.NONE) {
                        out.add(new KeySignal(layout.charAt(k), s));
                    }
                }
            } finally {
                rows.get(r).set(true);
            }
        }
        return out;
    }
}
