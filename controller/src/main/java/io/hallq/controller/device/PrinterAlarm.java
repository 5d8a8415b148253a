package io.hallq.controller.device;

import io.hallq.controller.queue.Command;

/**
 * A printer alarm ({@link PrinterFault}, {@link PrinterFault.PaperLow}): its device, its cause code ("paper-out",
 * what programs go by), its texts, and the command that raises it.
 */
public interface PrinterAlarm {

    /** The device, cause code and texts of one printer alarm. */
    record Texts(String device, String cause, String messageZh, String messageEn) {}

    Texts texts();

    default String cause() {
        return texts().cause();
    }

    default String messageZh() {
        return texts().messageZh();
    }

    default String messageEn() {
        return texts().messageEn();
    }

    /** The command that raises this alarm on its device. */
    default Command.DeviceFault fault() {
        Texts t = texts();
        return new Command.DeviceFault(t.device(), t.messageZh(), t.messageEn(), t.cause());
    }
}
