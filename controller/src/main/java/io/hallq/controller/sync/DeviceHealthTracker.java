package io.hallq.controller.sync;

import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.MqttCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hall's device health on MQTT ({@code devices/<device>}, retained), derived from the journaled DEVICE
 * alarms, the one record of device faults: a raised alarm makes its device FAILED (DEGRADED when the cause
 * leaves the device working: paper near its end, one key stuck, the MQTT link missing a subscription), its
 * clearing makes it OK again. Derived from
 * the journal, it is right after a restart and after an outage too. Used on the MQTT thread only.
 *
 * <p>A new business day clears the alarms in the queue without a clearing event and the device module raises
 * what is still wrong again; health keeps its state across the day roll.
 */
final class DeviceHealthTracker {

    /** Causes that leave the device doing its job. */
    static final Set<String> DEGRADING = Set.of("near-end", "stuck-key", "refused-key", MqttModule.SUBSCRIPTION_REFUSED);

    private final String hallId;
    private final Map<String, DeviceHealth> devices = new LinkedHashMap<>();

    DeviceHealthTracker(String hallId) {
        this.hallId = hallId;
    }

    /** The DEVICE alarms active at start; returns the health they give. */
    List<DeviceHealth> start(Collection<AlarmRaised> active) {
        List<DeviceHealth> changed = new ArrayList<>();
        active.forEach(a -> raised(a, changed));
        return changed;
    }

    /** Follows the journal; returns the devices whose health changed. */
    List<DeviceHealth> onEvents(List<JournaledEvent> events) {
        List<DeviceHealth> changed = new ArrayList<>();
        for (JournaledEvent je : events) {
            if (je.event() instanceof AlarmRaised a) {
                raised(a, changed);
            } else if (je.event() instanceof HallEvent.AlarmCleared c && isDevice(c.alarmId())) {
                put(new DeviceHealth(MqttCodec.VERSION, hallId, device(c.alarmId()), DeviceHealth.State.OK,
                        "recovered", c.at()), changed);
            }
        }
        return changed;
    }

    /** Every device with a known health, to republish after a reconnect. */
    Collection<DeviceHealth> all() {
        return List.copyOf(devices.values());
    }

    private void raised(AlarmRaised a, List<DeviceHealth> changed) {
        if (a.kind() != AlarmKind.DEVICE || !isDevice(a.alarmId())) {
            return;
        }
        DeviceHealth.State state = a.cause() != null && DEGRADING.contains(a.cause())
                ? DeviceHealth.State.DEGRADED : DeviceHealth.State.FAILED;
        String detail = a.messageEn() + (a.cause() == null ? "" : " (" + a.cause() + ")");
        put(new DeviceHealth(MqttCodec.VERSION, hallId, device(a.alarmId()), state, detail, a.at()), changed);
    }

    private void put(DeviceHealth h, List<DeviceHealth> changed) {
        DeviceHealth before = devices.put(h.device(), h);
        if (!h.equals(before)) {
            changed.add(h);
        }
    }

    private static boolean isDevice(String alarmId) {
        return alarmId.startsWith(QueueEngine.DEVICE_ALARM_PREFIX);
    }

    /** The device as a topic segment: "DEVICE:button-PAY" is device "button-pay". */
    static String device(String alarmId) {
        String d = alarmId.substring(QueueEngine.DEVICE_ALARM_PREFIX.length()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
        d = d.startsWith("-") ? "d" + d : d;
        return d.length() > 64 ? d.substring(0, 64) : d;
    }

    @Override
    public String toString() {
        return devices.toString();
    }
}
