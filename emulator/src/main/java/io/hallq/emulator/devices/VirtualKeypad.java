package io.hallq.emulator.devices;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 3x4 matrix keypad: a pressed key connects its row to its column, so a column reads low while the
 * controller drives that key's row low. Keys are pressed by their label ("0".."9", "*", "#").
 */
public final class VirtualKeypad {

    private static final String LAYOUT = "123456789*0#";

    private final List<VirtualOutput> rows;
    private final Set<Character> down = ConcurrentHashMap.newKeySet();
    private final java.util.function.LongSupplier lastRead;

    VirtualKeypad(List<VirtualOutput> rows, List<Integer> columnPins, VirtualInputProvider inputs) {
        this.rows = List.copyOf(rows);
        this.lastRead = () -> inputs.lastRead(columnPins.get(0));
        for (int c = 0; c < columnPins.size(); c++) {
            int column = c;
            inputs.wire(columnPins.get(c), () -> columnLow(column) ? DigitalState.LOW : DigitalState.HIGH);
        }
    }

    private boolean columnLow(int column) {
        for (char k : down) {
            int i = LAYOUT.indexOf(k);
            if (i % 3 == column && !rows.get(i / 3).high()) {
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
    }

    public void release(char key) {
        down.remove(key);
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

    public void hold(char key, Duration time) {
        VirtualButton.awaitSampled(lastRead, Duration.ZERO);
        press(key);
        VirtualButton.sleep(time);
        release(key);
    }
}
