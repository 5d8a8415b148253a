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
    private final Map<String, String[]> active = new ConcurrentHashMap<>();

    public DeviceAlarms(HallController hall) {
        this.hall = hall;
    }

    public void raise(String device, String messageZh, String messageEn) {
        String[] before = active.put(device, new String[] {messageZh, messageEn});
        if (before == null || !before[1].equals(messageEn)) {
            Logger.warn("Device fault {}: {} / {}", device, messageZh, messageEn);
            hall.submit(new Command.DeviceFault(device, messageZh, messageEn));
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
        active.forEach((device, m) -> hall.submit(new Command.DeviceFault(device, m[0], m[1])));
    }
}
