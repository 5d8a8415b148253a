package io.hallq.controller.device;

import io.hallq.controller.hall.HallModule;
import java.util.Optional;

/**
 * The hall's devices as the wiring sees them ({@code io.hallq.controller.HallWiring}): the controller's
 * {@link DeviceModule} on the Pi's header, or the emulator's virtual devices around the same {@link DeviceModule}.
 * The other modules reach the devices only through this: voice switches the amplifier, notifications keep typed
 * numbers, MQTT answers the central brand/VIP lookup.
 */
public interface HallDevices extends HallModule {

    /** The amplifier enable output, when one is configured; asked at each announcement, so after start. */
    Optional<AmplifierSwitch> amplifier();

    /** Where the dispenser hands typed numbers for SMS reminders (the notification module); before start. */
    HallDevices keepPhonesWith(PhoneKeeper keeper);

    /** Where the dispenser asks central for a typed number's class (the MQTT module's lookup); before start. */
    HallDevices lookUpCentrallyWith(CentralLookup lookup);
}
