package io.hallq.controller.device;

import io.hallq.display.led.SevenSegment;
import io.hallq.protocol.event.HallEvent;

/**
 * A counter's 8-digit 7-segment display: the ticket being served, blinking for a few seconds on a call
 * and a recall, blank when the counter has nobody. Runs on the device thread.
 */
public final class CounterDisplay {

    static final long BLINK_MS = 3000;
    static final long BLINK_HALF_PERIOD_MS = 250;

    private final int counter;
    private final Max7219Chain chain;
    private String shown;
    private long blinkUntil;
    private boolean lit = true;

    public CounterDisplay(int counter, Max7219Chain chain) {
        this.counter = counter;
        this.chain = chain;
    }

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
            chain.row(7 - i, new int[] {digits[i]});
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
            chain.lit(want);
        }
    }

    public String shown() {
        return shown;
    }
}
