package io.hallq.controller.device;

/** A GPIO input as wired: buttons and keypad columns pull it low when pressed (pull-up enabled). */
public interface InputPin {

    /** The level now: true for high (released), false for low (pressed). */
    boolean high();
}
