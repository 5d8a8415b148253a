package io.hallq.controller.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A board for unit tests: inputs read what the test sets (high, the pull-up, unless pressed), a keypad can be
 * wired so its columns follow the driven rows through held keys, outputs record every level, SPI chip selects
 * record their frames and decode them into MAX7219 registers. I2C buses are recording buses that fail on an
 * unqueued read.
 */
final class RecordingBoard implements GpioBoard {

    final Map<Integer, Boolean> pressed = new ConcurrentHashMap<>();
    final Map<Integer, BooleanSupplier> wired = new ConcurrentHashMap<>();
    final Map<Integer, Boolean> outputs = new ConcurrentHashMap<>();
    final Map<Integer, List<Boolean>> outputHistory = new ConcurrentHashMap<>();
    final Map<String, List<byte[]>> spiFrames = new ConcurrentHashMap<>();
    final Map<Integer, RecordingI2cBus> i2c = new ConcurrentHashMap<>();

    void press(int bcm) {
        pressed.put(bcm, true);
    }

    void release(int bcm) {
        pressed.remove(bcm);
    }

    boolean output(int bcm, boolean defaultLevel) {
        return outputs.getOrDefault(bcm, defaultLevel);
    }

    /** A 3x4 keypad (layout "123456789*0#") on these pins whose held keys are {@code down}. */
    void keypad(List<Integer> rows, List<Integer> columns, Set<Character> down) {
        String layout = MatrixKeypad.PHONE_LAYOUT;
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            wired.put(columns.get(c), () -> {
                for (char k : down) {
                    int i = layout.indexOf(k);
                    if (i % 3 == column && !outputs.getOrDefault(rows.get(i / 3), false)) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    @Override
    public InputPin input(int bcm) {
        return () -> {
            if (pressed.containsKey(bcm)) {
                return false;
            }
            BooleanSupplier w = wired.get(bcm);
            return w == null || w.getAsBoolean();
        };
    }

    @Override
    public OutputPin output(int bcm) {
        outputs.put(bcm, false);
        return high -> {
            outputs.put(bcm, high);
            outputHistory.computeIfAbsent(bcm, b -> new ArrayList<>()).add(high);
        };
    }

    @Override
    public SpiBus spi(int bus, int chipSelect) {
        List<byte[]> frames = spiFrames.computeIfAbsent(bus + "." + chipSelect,
                k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        return frames::add;
    }

    @Override
    public I2cBus i2c(int bus) {
        return i2c.computeIfAbsent(bus, b -> new RecordingI2cBus());
    }

    List<byte[]> frames(int bus, int chipSelect) {
        return spiFrames.getOrDefault(bus + "." + chipSelect, List.of());
    }

    /** The registers of each chip of a chain of {@code chips} after all frames so far: [chip][register]. */
    int[][] registers(int bus, int chipSelect, int chips) {
        int[][] regs = new int[chips][16];
        synchronized (frames(bus, chipSelect)) {
            for (byte[] f : frames(bus, chipSelect)) {
                for (int chip = 0; chip < chips; chip++) {
                    int pos = (chips - 1 - chip) * 2;
                    int reg = f[pos] & 0x0F;
                    if (reg != 0) {
                        regs[chip][reg] = f[pos + 1] & 0xFF;
                    }
                }
            }
        }
        return regs;
    }

    /** What chip {@code chip}'s 8 digits show, leftmost first. */
    String digits(int bus, int chipSelect, int chips, int chip) {
        int[] r = registers(bus, chipSelect, chips)[chip];
        StringBuilder s = new StringBuilder();
        for (int d = 7; d >= 0; d--) {
            s.append(io.hallq.display.led.SevenSegment.read(r[1 + d]));
        }
        return s.toString();
    }

    @Override
    public void close() {
    }
}
