package io.hallq.emulator.twin;

import java.util.List;

/**
 * What the digital twin page shows of the emulated devices, pushed whenever any of it changes.
 *
 * @param seq           increases with every view the twin sends
 * @param tickets       printed tickets, newest first, as the virtual printer decoded them
 * @param announcements WAV files the voice module wrote, newest first (the page plays new ones)
 */
record TwinView(long seq, String hallZh, String hallEn, List<Button> buttons, boolean phoneKeypad,
                List<Counter> counters, List<Printed> tickets, List<String> announcements, String hallMatrix,
                boolean amplifier) {

    /** The same view, numbered {@code n}. */
    TwinView withSeq(long n) {
        return new TwinView(n, hallZh, hallEn, buttons, phoneKeypad, counters, tickets, announcements, hallMatrix,
                amplifier);
    }

    /** A dispenser button: {@code wired} when the config fits a virtual button for the service. */
    record Button(String service, String nameZh, String nameEn, boolean wired, boolean lit) {}

    /**
     * A counter: {@code keypad} when it has a virtual keypad; {@code ratingKeys} how many satisfaction keys it
     * has (0, 3 or 4); {@code display} what its LED display shows (null without one), {@code chainPosition}
     * its place in the counter displays' MAX7219 chain (1 next to the Pi) of {@code chainLength};
     * {@code serving} the ticket the controller has at it.
     */
    record Counter(int number, String nameZh, String nameEn, boolean keypad, int ratingKeys, String display,
                   boolean displayLit, int chainPosition, int chainLength, String serving) {}

    /**
     * @param mobilePath the ticket's mobile page on this server (from the QR code's token), or null
     * @param image      where the page gets the ticket as the printer drew it (PNG, with its QR code)
     */
    record Printed(List<String> lines, String qr, String mobilePath, String image) {}
}
