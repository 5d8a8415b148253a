package io.hallq.controller.device;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * Journals device faults as DEVICE alarms, once per change. A new business day clears all alarms in the
 * engine, so faults still present are raised again then.
 *
 * <p>Faults journaled before a restart are still active in the journal but nobody here has seen them: a
 * printer may have been refilled while the power was off, a stuck key freed. {@link #resume} takes them as
 * active but unconfirmed; a device that reports the same fault again confirms it (nothing is journaled twice),
 * and {@link #settle} clears whatever no device reported again in the time it takes to notice a fault.
 */
public final class DeviceAlarms {

    private final HallController hall;
    /** The active fault of each device: the command that raised it. */
    private final Map<String, Command.DeviceFault> active = new ConcurrentHashMap<>();
    /** Faults journaled before this start that no device has reported again yet. */
    private final Map<String, Command.DeviceFault> unconfirmed = new ConcurrentHashMap<>();
    private volatile boolean settled;

    public DeviceAlarms(HallController hall) {
        this.hall = hall;
    }

    /** Devices of the dispenser's service buttons: {@code button-<service>}. */
    static final String BUTTON_PREFIX = "button-";
    /** The dispenser's phone keypad. */
    static final String PHONE_KEYPAD = "phone-keypad";
    /** Devices of a counter: {@code counter-<n>-keypad}, {@code counter-<n>-rating}. */
    static final String COUNTER_PREFIX = "counter-";

    /** An I/O expander: {@code expander-0x20}. */
    static final String EXPANDER_PREFIX = "expander-";

    /** The cause code of an I/O expander that does not answer on the I2C bus. */
    public static final String NOT_ANSWERING = "not-answering";

    /** The cause code of a key held past {@code stuckAfter}: the key is ignored, the rest of the device works. */
    public static final String STUCK_KEY = "stuck-key";

    /** A key of {@code device} held past {@code stuckAfter} (cause {@value #STUCK_KEY}). */
    public void stuckKey(String device, String messageZh, String messageEn) {
        raise(new Command.DeviceFault(device, messageZh, messageEn, STUCK_KEY));
    }

    /**
     * The cause code of a key the hall keeps refusing ({@link RefusedKeys}: by default 15 refusals in 15 s): the
     * key may be stuck or repeating; the rest of the device works.
     */
    public static final String REFUSED_KEY = "refused-key";

    /** A key of {@code device} keeps being refused (cause {@value #REFUSED_KEY}). */
    public void refusedKey(String device, String messageZh, String messageEn) {
        raise(new Command.DeviceFault(device, messageZh, messageEn, REFUSED_KEY));
    }

    /** The I/O expander at {@code address} does not answer: the keys wired to it do nothing. */
    public void expanderLost(int address) {
        String name = String.format("0x%02x", address);
        raise(new Command.DeviceFault(EXPANDER_PREFIX + name, "扩展板 " + name + " 无响应,所连按键暂不可用",
                "I/O expander " + name + " not answering: its keys are out of use", NOT_ANSWERING));
    }

    public void expanderBack(int address) {
        clear(EXPANDER_PREFIX + String.format("0x%02x", address));
    }

    /**
     * Raises the fault's device alarm. A new cause or message replaces the device's active alarm (one alarm
     * per device); the same fault again is not journaled twice.
     */
    public void raise(Command.DeviceFault fault) {
        unconfirmed.remove(fault.device());
        Command.DeviceFault before = active.put(fault.device(), fault);
        if (!fault.equals(before)) {
            Logger.warn("Device fault {} ({}): {} / {}", fault.device(), fault.cause(), fault.messageZh(),
                    fault.messageEn());
            hall.submit(fault);
        }
    }

    public void clear(String device) {
        unconfirmed.remove(device);
        if (active.remove(device) != null) {
            Logger.info("Device {} recovered", device);
            hall.submit(new Command.DeviceRecovered(device));
        }
    }

    public boolean active(String device) {
        return active.containsKey(device);
    }

    /**
     * The devices whose alarms this class raises (the voice and MQTT modules raise and clear their own: "voice-...",
     * "mqtt", a board's "board-...").
     */
    static boolean ours(String device) {
        return device.equals(PrinterFault.DEVICE) || device.equals(PrinterFault.PAPER_DEVICE)
                || device.startsWith(BUTTON_PREFIX) || device.equals(PHONE_KEYPAD) || device.startsWith(COUNTER_PREFIX)
                || device.startsWith(EXPANDER_PREFIX);
    }

    /** Takes the DEVICE alarms of {@linkplain #ours our devices} active in the journal at start, as unconfirmed. */
    public void resume(Collection<AlarmRaised> journaled) {
        for (AlarmRaised a : journaled) {
            if (a.kind() != AlarmKind.DEVICE || !a.alarmId().startsWith(QueueEngine.DEVICE_ALARM_PREFIX)) {
                continue;
            }
            String device = a.alarmId().substring(QueueEngine.DEVICE_ALARM_PREFIX.length());
            if (ours(device)) {
                Command.DeviceFault fault = new Command.DeviceFault(device, a.messageZh(), a.messageEn(), a.cause());
                active.put(device, fault);
                unconfirmed.put(device, fault);
            }
        }
    }

    /** Clears the faults from before the start that no device has reported again since. */
    public void settle() {
        unconfirmed.forEach((device, fault) -> {
            if (unconfirmed.remove(device, fault) && active.remove(device, fault)) {
                Logger.info("Device {}: the fault journaled before the restart is gone", device);
                hall.submit(new Command.DeviceRecovered(device));
            }
        });
        settled = true;
    }

    /** Whether {@link #settle} has run (what it cleared is submitted to the hall by then). */
    public boolean settled() {
        return settled;
    }

    /** The engine cleared every alarm with the new day: raise the faults that are still there. */
    public void dayStarted() {
        active.values().forEach(hall::submit);
    }
}
