package io.hallq.emulator.devices;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A push button (or a single key) from an input with a pull-up to ground, on a Pi GPIO or an expander pin:
 * pressing pulls the pin low. Held, tapped, bounced and released from tests and the digital-twin page. The
 * press methods that take time block the caller for that time.
 */
public final class VirtualButton {

    /** Long enough to pass the controller's debounce with margin. */
    public static final Duration TAP = Duration.ofMillis(60);

    /** The contact to ground: closed while pressed. */
    interface Contact {
        void closed(boolean closed);
    }

    private final String name;
    private final Contact contact;
    private final BooleanSupplier light;
    private final java.util.function.LongSupplier lastRead;
    private volatile boolean down;

    /**
     * @param light    the backlight output's level, or null when the button has none
     * @param lastRead when the controller last observed the pin (System.nanoTime), 0 before its first read
     */
    VirtualButton(String name, Contact contact, BooleanSupplier light, java.util.function.LongSupplier lastRead) {
        this.name = name;
        this.contact = contact;
        this.light = light;
        this.lastRead = lastRead;
    }

    public String name() {
        return name;
    }

    public void press() {
        down = true;
        contact.closed(true);
    }

    public void release() {
        down = false;
        contact.closed(false);
    }

    /** The controller has read this button at least once. */
    public boolean sampled() {
        return lastRead.getAsLong() != 0;
    }

    public boolean pressed() {
        return down;
    }

    /** Press (once the controller has read the button), hold for {@code time}, release. */
    public void hold(Duration time) {
        awaitSampled(lastRead, Duration.ZERO);
        press();
        sleep(time);
        release();
    }

    /**
     * A normal press: down until the controller has read it down over {@link #TAP}, then up until it has read
     * it up as long. Following the controller's reads rather than the wall clock keeps a tap a tap when the
     * machine is busy and the scan thread runs late. It starts once the controller has read the button at
     * least once: a button already down at its first read is taken as held since the start, not as a press.
     */
    public void tap() {
        awaitSampled(lastRead, Duration.ZERO);
        press();
        awaitSampled(lastRead, TAP);
        release();
        awaitSampled(lastRead, TAP);
    }

    /**
     * Leaves the button as it is (down or up) until the controller has read it over {@code span}: time on the
     * controller's reads, not the wall clock, so a busy machine whose scan thread runs late does not shorten it.
     * After a press, the controller has also acted on whatever it read (it acts on the thread that reads).
     */
    public void keep(Duration span) {
        awaitSampled(lastRead, span);
    }

    /** Waits until a read happened at least {@code span} after the first read from now on (at most 5 s). */
    static void awaitSampled(java.util.function.LongSupplier lastRead, Duration span) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(5).toNanos();
        long first = 0;
        while (System.nanoTime() < deadline) {
            long read = lastRead.getAsLong();
            if (read > start && first == 0) {
                first = read;
            }
            if (first != 0 && read - first >= span.toNanos()) {
                return;
            }
            sleep(Duration.ofMillis(2));
        }
    }

    /**
     * Contact bounce (once the controller has read the button): {@code flips} level changes {@code gap} apart,
     * ending pressed; release yourself.
     */
    public void bounce(int flips, Duration gap) {
        awaitSampled(lastRead, Duration.ZERO);
        for (int i = 0; i < flips; i++) {
            if (i % 2 == 0) {
                press();
            } else {
                release();
            }
            sleep(gap);
        }
        press();
    }

    /** The backlight: lit now? (blinking shows as changing answers); false when the button has none. */
    public boolean lit() {
        return light != null && light.getAsBoolean();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
