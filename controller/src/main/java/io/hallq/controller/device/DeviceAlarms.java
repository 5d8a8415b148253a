package io.hallq.controller.device;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * Journals device faults as DEVICE alarms, once per change. A new business day clears all alarms in the
 * engine, so faults still present are raised again then.
 */
public final class DeviceAlarms {

    private final HallController hall;
    /** The active fault of each device: the command that raised it. */
    private final Map<String, Command.DeviceFault> active = new ConcurrentHashMap<>();

    public DeviceAlarms(HallController hall) {
        this.hall = hall;
    }

    public void raise(String device, String messageZh, String messageEn) {
        raise(new Command.DeviceFault(device, messageZh, messageEn));
    }

    /**
     * Raises the fault's device alarm. A new cause or message replaces the device's active alarm (one alarm
     * per device); the same fault again is not journaled twice.
     */
    public void raise(Command.DeviceFault fault) {
        Command.DeviceFault before = active.put(fault.device(), fault);
        if (!fault.equals(before)) {
            Logger.warn("Device fault {} ({}): {} / {}", fault.device(), fault.cause(), fault.messageZh(),
                    fault.messageEn());
            hall.submit(fault);
        }
    }

    public void clear(String device) {
        if (active.remove(device) != null) {
            Logger.info("Device {} recovered", device);
            hall.submit(new Command.DeviceRecovered(device));
        }
    }

    public boolean active(String device) {
        return active.containsKey(device);
    }

    /** The engine cleared every alarm with the new day: raise the faults that are still there. */
    public void dayStarted() {
        active.values().forEach(hall::submit);
    }
}
