package io.hallq.emulator.devices;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The dispenser as customers use it: one at a time, standing in front of it from the first key of their number to
 * the press of a service button. The controller reads one phone keypad and takes whatever number is on it when any
 * button is pressed, so two customers at one dispenser would mix their keys or take each other's number; in a hall
 * the second one waits behind the first, and so they do here.
 *
 * <p>Two kinds of customer use it:
 * <ul>
 *   <li>scripted ones ({@link #visit}): a whole visit at once, after waiting for the dispenser to be free;</li>
 *   <li>the person at the digital twin's page ({@link #twinKeys}, {@link #twinButton}): one request per click.
 *       Their clicks are carried out one after another in the order they came (a click waits for the one before
 *       it to be pressed and released), and their turn lasts from their first key to their button press, or
 *       until the controller forgets the digits ({@code phoneTimeout} without a key), whichever comes first.</li>
 * </ul>
 */
public final class VirtualDispenser implements AutoCloseable {

    private final EmulatedDevices devices;
    private final Duration idle;
    /** One customer at the dispenser at a time, first come first served. */
    private final Semaphore turn = new Semaphore(1, true);
    /** The twin's clicks, in order; also the only thread that reads or writes the twin's turn below. */
    private final ScheduledExecutorService twin = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("twin-dispenser").unstarted(r));
    private boolean twinHolds;
    private long twinLastKey;

    /** @param idle how long the controller keeps digits without a key ({@code devices.dispenser.phoneTimeout}) */
    VirtualDispenser(EmulatedDevices devices, Duration idle) {
        this.devices = devices;
        this.idle = idle;
    }

    /**
     * A scripted customer's visit: waits until nobody stands at the dispenser, types {@code phone} and '#' on
     * the phone keypad (none when null), presses the service's button and leaves. Blocks for the whole visit:
     * call it from a thread of its own (a virtual thread).
     *
     * @throws IllegalArgumentException when the dispenser has no button for the service, or no phone keypad
     */
    public void visit(String phone, String service) {
        VirtualButton button = devices.button(service).orElseThrow(() -> new IllegalArgumentException(
                "no dispenser button for " + service));
        VirtualKeypad keypad = phone == null ? null : devices.phoneKeypad().orElseThrow(
                () -> new IllegalArgumentException("no phone keypad at the dispenser"));
        turn.acquireUninterruptibly();
        try {
            if (keypad != null) {
                keypad.type(phone + "#");
            }
            button.tap();
        } finally {
            turn.release();
        }
    }

    /**
     * The twin's customer types {@code keys} on the phone keypad, after the keys clicked before; completes once
     * they were pressed and released. Their turn at the dispenser starts here if it has not yet.
     */
    public CompletableFuture<Void> twinKeys(String keys) {
        VirtualKeypad keypad = devices.phoneKeypad().orElseThrow(
                () -> new IllegalArgumentException("no phone keypad at the dispenser"));
        return CompletableFuture.runAsync(() -> {
            if (!twinHolds) {
                turn.acquireUninterruptibly(); // a scripted customer at the dispenser finishes first
                twinHolds = true;
            }
            keypad.type(keys);
            long at = System.nanoTime();
            twinLastKey = at;
            twin.schedule(() -> walkedAway(at), idle.toNanos(), TimeUnit.NANOSECONDS);
        }, twin);
    }

    /**
     * The twin's customer presses a service's button, after the keys clicked before; completes once it was
     * pressed and released. Their turn ends with it.
     */
    public CompletableFuture<Void> twinButton(String service) {
        VirtualButton button = devices.button(service).orElseThrow(() -> new IllegalArgumentException(
                "no dispenser button for " + service));
        return CompletableFuture.runAsync(() -> {
            if (!twinHolds) {
                turn.acquireUninterruptibly();
                twinHolds = true;
            }
            try {
                button.tap();
            } finally {
                twinHolds = false;
                turn.release();
            }
        }, twin);
    }

    /** The twin's customer typed and went: after the controller forgot their digits, the next customer steps up. */
    private void walkedAway(long keyAt) {
        if (twinHolds && twinLastKey == keyAt) {
            twinHolds = false;
            turn.release();
        }
    }

    @Override
    public void close() {
        twin.shutdownNow();
    }
}
