package io.hallq.controller.device;

/** A device could not be read or written: unplugged, powered off, or the port is gone. */
public final class DeviceIoException extends RuntimeException {

    public DeviceIoException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeviceIoException(String message) {
        super(message);
    }
}
