package io.hallq.controller.device;

/**
 * One I2C bus at wire level: each call is one transaction with the device at a 7-bit address. Bytes only;
 * what they mean is the driver's business (see {@link Mcp23017}).
 */
public interface I2cBus {

    /**
     * START, address + write, {@code data}, STOP.
     *
     * @throws DeviceIoException when the device does not acknowledge or the bus fails
     */
    void write(int address, byte[] data);

    /**
     * START, address + write, {@code write}, repeated START, address + read, {@code readLength} bytes, STOP:
     * the usual "set the register pointer, then read from it".
     *
     * @throws DeviceIoException when the device does not acknowledge, the bus fails or fewer bytes came back
     */
    byte[] writeRead(int address, byte[] write, int readLength);
}
