package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.display.led.Max7219;
import io.hallq.display.led.SevenSegment;
import io.hallq.protocol.event.HallEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterDisplayTest {

    private final List<byte[]> frames = new ArrayList<>();
    private final CounterDisplay display = new CounterDisplay(3, new Max7219Chain(frames::add, 1));

    @Test
    void start_initialisesTheChip_rawSegmentsAllDigits() {
        display.start();
        assertEquals(List.of("0F00", "0900", "0B07", "0A08", "0100", "0200", "0300", "0400", "0500", "0600", "0700",
                "0800", "0C01"), frames.stream().map(CounterDisplayTest::hex).toList());
    }

    @Test
    void call_writesTheTicketRightAligned_andBlinks_otherCountersIgnored() {
        display.on(new HallEvent.TicketCalled(Instant.EPOCH, "A012", 4), 0);
        assertTrue(frames.isEmpty());
        display.on(new HallEvent.TicketCalled(Instant.EPOCH, "A012", 3), 0);
        // digit register 1 = rightmost: '2'
        assertEquals(String.format("01%02X", SevenSegment.pattern('2')), hex(frames.get(7 - 7 + 7)));
        assertEquals(String.format("04%02X", SevenSegment.pattern('A')), hex(frames.get(4)));
        frames.clear();
        display.tick(CounterDisplay.BLINK_HALF_PERIOD_MS);
        assertEquals(List.of("0C00"), frames.stream().map(CounterDisplayTest::hex).toList());
        display.tick(CounterDisplay.BLINK_MS + 1);
        assertEquals("0C01", hex(frames.get(frames.size() - 1)));
        display.on(new HallEvent.TicketServed(Instant.EPOCH, "A012", 3, 60), 5000);
        assertEquals(String.format("%02X00", Max7219.DIGIT_0), hex(frames.get(frames.size() - 1)));
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x));
        }
        return s.toString();
    }
}
