package io.hallq.controller.device;

/** The GPIO line that powers the hall amplifier up before an announcement and down after it. */
public interface AmplifierSwitch {
    void set(boolean on);
}
