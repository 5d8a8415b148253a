package io.hallq.controller.device;

/** A GPIO output: a button backlight, a keypad row, an enable line. */
public interface OutputPin {

    void set(boolean high);
}
