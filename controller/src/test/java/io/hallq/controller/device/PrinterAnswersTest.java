package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrinterAnswersTest {

    @Test
    void bytesComeOutInOrder_asUnsignedValues_thenMinusOneWhenNoneCameInTime() {
        PrinterAnswers a = new PrinterAnswers();
        a.add(new byte[] {0x12, (byte) 0xFF, 0x08}, 2);
        a.add(0x40);
        assertEquals(0x12, a.next(Duration.ZERO));
        assertEquals(0xFF, a.next(Duration.ZERO));
        assertEquals(0x40, a.next(Duration.ZERO));
        assertEquals(-1, a.next(Duration.ofMillis(1)));
    }

    @Test
    void clear_dropsALateAnswer() {
        PrinterAnswers a = new PrinterAnswers();
        a.add(0x12);
        a.clear();
        assertEquals(-1, a.next(Duration.ZERO));
    }

    @Test
    void anInterruptedRead_givesMinusOne_andKeepsTheInterruptFlag() {
        PrinterAnswers a = new PrinterAnswers();
        Thread.currentThread().interrupt();
        try {
            assertEquals(-1, a.next(Duration.ofSeconds(30)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
