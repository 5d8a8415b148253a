package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Mcp23017Test {

    private final RecordingI2cBus bus = new RecordingI2cBus();
    private final List<String> health = new ArrayList<>();
    private boolean intHigh = true;
    private final Mcp23017.Health listener = new Mcp23017.Health() {
        @Override
        public void lost(int address, String reason) {
            health.add(String.format("lost %02x", address));
        }

        @Override
        public void back(int address) {
            health.add(String.format("back %02x", address));
        }
    };

    /** Config image IODIR..GPPU for inputs A0, A1, B0 and outputs A4, B7 (unused pins stay inputs). */
    private static final int[] IMAGE = {
        0xEF, 0x7F, // IODIR: A4 and B7 outputs
        0x00, 0x00, // IPOL
        0x03, 0x01, // GPINTEN: the inputs
        0x00, 0x00, // DEFVAL
        0x00, 0x00, // INTCON: compare with the previous level
        0x44, 0x44, // IOCON: MIRROR, ODR
        0x03, 0x01, // GPPU: the inputs
    };

    private Mcp23017 chip;
    private InputPin a0;
    private InputPin a1;
    private InputPin b0;
    private OutputPin a4;
    private OutputPin b7;

    private void build(boolean interruptWired) {
        chip = new Mcp23017(bus, 0x20, interruptWired ? () -> intHigh : null, listener);
        a0 = chip.input(0);
        a1 = chip.input(1);
        b0 = chip.input(8);
        a4 = chip.output(4);
        b7 = chip.output(15);
    }

    private void started(boolean interruptWired) {
        build(interruptWired);
        bus.answer(0xFF, 0xFF);
        chip.start(0);
        bus.take();
    }

    @AfterEach
    void nothingLeftOver() {
        bus.assertAllAnswersUsed();
    }

    @Test
    void start_writesIoconThenTheLatchesBeforeTheDirections_pullUpsAndInterruptsOnTheInputs_thenReadsTheLevels() {
        build(true);
        a4.set(true); // before start: only the latch image
        assertEquals(List.of(), bus.take());
        bus.answer(0xFE, 0xFF);
        chip.start(0);
        assertEquals(List.of("20 w 0a44", "20 w 141000", "20 w 00ef7f", "20 w 020000", "20 w 0c0301",
                "20 w 060000", "20 w 080000", "20 w 040301", "20 r 12 -> feff"), bus.take());
        assertFalse(a0.high(), "A0 reads low: pressed");
        assertTrue(a1.high());
        assertTrue(chip.present());
        assertEquals(List.of(), health);
    }

    @Test
    void withItsIntLineWired_theChipIsReadOnlyWhileIntIsLow() {
        started(true);
        chip.poll(2);
        chip.poll(4);
        assertEquals(List.of(), bus.take(), "INT high: nothing to read (the fake fails on any read)");
        intHigh = false;
        bus.answer(0xFF, 0xFE);
        chip.poll(6);
        assertEquals(List.of("20 r 12 -> fffe"), bus.take());
        assertFalse(b0.high());
        assertTrue(a0.high());
        intHigh = true; // reading GPIO cleared it
        chip.poll(8);
        assertEquals(List.of(), bus.take());
    }

    @Test
    void withoutAnIntLine_theChipIsReadOnEveryScan() {
        started(false);
        bus.answer(0xFF, 0xFF).answer(0xFD, 0xFF);
        chip.poll(2);
        chip.poll(4);
        assertEquals(List.of("20 r 12 -> ffff", "20 r 12 -> fdff"), bus.take());
        assertFalse(a1.high());
    }

    @Test
    void anOutput_writesOnlyItsPortsLatch_onlyWhenItChanges_andTheNextInputReadGoesToTheChip() {
        started(true);
        b7.set(true);
        b7.set(true);
        a4.set(false); // already low
        assertEquals(List.of("20 w 1580"), bus.take());
        bus.answer(0xFC, 0xFF);
        assertFalse(a0.high(), "a keypad row just moved: its columns are read again");
        assertFalse(a1.high(), "one read serves all pins");
        assertEquals(List.of("20 r 12 -> fcff"), bus.take());
    }

    @Test
    void aBusError_configuresTheChipAgainAtOnce_withoutAnAlarm() {
        started(false);
        b7.set(true);
        bus.take();
        bus.failRead().answer(0xFF, 0xFF);
        chip.poll(2);
        List<String> t = bus.take();
        assertEquals("20 r 12 NACK", t.get(0));
        assertTrue(t.contains("20 w 140080"), "the latch image is written back: " + t);
        assertEquals("20 r 12 -> ffff", t.get(t.size() - 1));
        assertTrue(chip.present());
        assertEquals(List.of(), health);
    }

    @Test
    void aChipThatVanishes_isAnAlarm_itsKeysReadReleased_triedEverySecond_andClearedWhenItAnswers() {
        started(false);
        bus.answer(0xFE, 0xFF);
        chip.poll(2);
        assertFalse(a0.high());
        bus.gone();
        chip.poll(4);
        assertEquals(List.of("lost 20"), health);
        assertFalse(chip.present());
        assertTrue(a0.high(), "a lost chip's keys read released: no press comes from a missing chip");
        bus.take();
        chip.poll(500);
        chip.poll(1003);
        assertEquals(List.of(), bus.take(), "no retry before a second has passed");
        chip.poll(1004);
        assertEquals(List.of("20 w 0a44 NACK"), bus.take());
        assertEquals(List.of("lost 20"), health, "one alarm while it stays gone");
        bus.back();
        chip.poll(2003);
        assertEquals(List.of(), bus.take(), "not yet due");
        bus.answer(0xFF, 0xFF);
        chip.poll(2004);
        assertEquals(List.of("lost 20", "back 20"), health);
        assertTrue(chip.present());
    }

    @Test
    void aChipThatLostPowerBetweenTwoTransactions_isFoundByTheConfigurationCheck_andConfiguredAgain() {
        started(true);
        b7.set(true);
        bus.answer(0xFF, 0xFF);
        chip.poll(998); // the output made the levels stale: one read
        bus.take();
        chip.poll(999);
        assertEquals(List.of(), bus.take());
        int[] reset = new int[IMAGE.length];
        reset[0] = reset[1] = 0xFF; // power-on: all inputs, everything else 0
        bus.answer(reset).answer(0xFF, 0xFF);
        chip.poll(1000);
        List<String> t = bus.take();
        assertTrue(t.get(0).startsWith("20 r 00 -> ffff0000"), t.toString());
        assertTrue(t.contains("20 w 140080"), "the latch image is back: " + t);
        assertTrue(t.contains("20 w 00ef7f"), t.toString());
        assertEquals(List.of(), health, "it answered all along: no alarm");
        bus.answer(IMAGE);
        chip.poll(2000);
        assertEquals(1, bus.take().size(), "the check passes: nothing written");
    }

    @Test
    void aChipMissingAtStart_isAnAlarmFromTheStart() {
        build(true);
        bus.gone();
        chip.start(0);
        assertEquals(List.of("lost 20"), health);
        assertTrue(a0.high());
        a4.set(true);
        assertTrue(bus.take().stream().noneMatch(s -> s.startsWith("20 w 14")), "no write to a lost chip");
    }

    @Test
    void aPinIsAnInputOrAnOutput_andAnAddressOutsideTheChipsRangeIsRefused() {
        build(false);
        assertThrows(IllegalArgumentException.class, () -> chip.output(0));
        assertThrows(IllegalArgumentException.class, () -> chip.input(4));
        assertThrows(IllegalArgumentException.class, () -> chip.input(16));
        assertThrows(IllegalArgumentException.class, () -> new Mcp23017(bus, 0x28, null, listener));
    }
}
