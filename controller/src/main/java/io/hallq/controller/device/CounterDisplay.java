package io.hallq.controller.device;

import io.hallq.display.led.SevenSegment;
import io.hallq.protocol.event.HallEvent;

/**
 * A counter's 8-digit 7-segment display: the ticket being served, blinking for a few seconds on a call
 * and a recall, blank when the counter has nobody. It is one chip of a MAX7219 daisy chain shared with
 * other counters: it writes only its own chip's registers, and only the ones that change. Runs on the device
 * thread.
 */
public final class CounterDisplay {

    static final long BLINK_MS = 3000;
    static final long BLINK_HALF_PERIOD_MS = 250;

    private final int counter;
    private final Max7219Chain chain;
    private final int chip;
    private String shown;
    private long blinkUntil;
    private boolean lit = true;

    /** The only display on its chain. */
    public CounterDisplay(int counter, Max7219Chain chain) {
        this(counter, chain, 0);
    }

    /**
     * @param chip its place in the chain, 0 = the chip wired to the Pi; the chain is initialised by its owner
     *             when it is shared
     */
    public CounterDisplay(int counter, Max7219Chain chain, int chip) {
        this.counter = counter;
        this.chain = chain;
        this.chip = chip;
    }

    /** Initialises the chain; call once per chain (not per display of a shared chain). */
    public void start() {
        chain.init(8);
    }

    public void on(HallEvent event, long nowMs) {
        switch (event) {
            case HallEvent.TicketCalled c when c.counter() == counter -> show(c.ticket(), nowMs);
            case HallEvent.TicketRecalled r when r.counter() == counter -> show(r.ticket(), nowMs);
            case HallEvent.TicketServed s when s.ticket().equals(shown) -> show(null, nowMs);
            case HallEvent.TicketNoShow n when n.ticket().equals(shown) -> show(null, nowMs);
            case HallEvent.TicketTransferred t when t.ticket().equals(shown) -> show(null, nowMs);
            case HallEvent.TicketVoided v when v.ticket().equals(shown) -> show(null, nowMs);
            case HallEvent.DayStarted d -> show(null, nowMs);
            default -> { }
        }
    }

    private void show(String ticket, long nowMs) {
        shown = ticket;
        int[] digits = SevenSegment.render(ticket == null ? "" : ticket, 8);
        // Digit register 1 is the rightmost digit on the common 8-digit modules.
        for (int i = 0; i < 8; i++) {
            chain.digit(chip, 7 - i, digits[i]);
        }
        blinkUntil = ticket == null ? 0 : nowMs + BLINK_MS;
        tick(nowMs);
    }

    /** Blinks while a call is fresh; call every scan. */
    public void tick(long nowMs) {
        long sinceCall = nowMs - (blinkUntil - BLINK_MS);
        boolean want = nowMs >= blinkUntil || sinceCall / BLINK_HALF_PERIOD_MS % 2 == 0; // lit first
        if (want != lit) {
            lit = want;
            chain.lit(chip, want);
        }
    }

    public String shown() {
        return shown;
    }
}
