package io.hallq.controller.device;

import io.hallq.display.led.Max7219;
import io.hallq.display.led.ScrollingText;
import io.hallq.protocol.event.HallEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/** The hall's LED matrix scrolling the latest calls, "A012>3  E005>1", newest first. Runs on the device thread. */
public final class HallMatrix {

    static final int CALLS_SHOWN = 4;
    static final long STEP_MS = 40;

    private final Max7219Chain chain;
    private final ScrollingText text;
    private final Deque<String> calls = new ArrayDeque<>();
    private long nextStep;

    public HallMatrix(Max7219Chain chain) {
        this.chain = chain;
        this.text = new ScrollingText(chain.chips() * 8);
    }

    public void start() {
        chain.init(4);
    }

    public void on(HallEvent event) {
        switch (event) {
            case HallEvent.TicketCalled c -> add(c.ticket() + ">" + c.counter());
            case HallEvent.TicketRecalled r -> add(r.ticket() + ">" + r.counter());
            case HallEvent.DayStarted d -> {
                calls.clear();
                text.text("");
            }
            default -> { }
        }
    }

    private void add(String call) {
        calls.remove(call);
        calls.addFirst(call);
        while (calls.size() > CALLS_SHOWN) {
            calls.removeLast();
        }
        text.text(calls.stream().collect(Collectors.joining("  ")));
    }

    /** Moves the text one column every {@link #STEP_MS}; call every scan. */
    public void tick(long nowMs) {
        if (nowMs < nextStep || calls.isEmpty()) {
            return;
        }
        nextStep = nowMs + STEP_MS;
        text.step();
        int[][] rows = Max7219.matrixRows(text.window(), chain.chips());
        for (int r = 0; r < 8; r++) {
            int[] data = new int[chain.chips()];
            for (int m = 0; m < data.length; m++) {
                data[m] = rows[m][r];
            }
            chain.row(r, data);
        }
    }
}
