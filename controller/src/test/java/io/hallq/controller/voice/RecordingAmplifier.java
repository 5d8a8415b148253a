package io.hallq.controller.voice;

import io.hallq.controller.device.AmplifierSwitch;

import java.util.ArrayList;
import java.util.List;

/** Records every switch with its time; can be told to fail like a broken GPIO line. */
final class RecordingAmplifier implements AmplifierSwitch {

    record Switch(boolean on, long nanos) {
    }

    private final List<Switch> switches = new ArrayList<>();
    private volatile boolean broken;

    void broken(boolean broken) {
        this.broken = broken;
    }

    synchronized List<Switch> switches() {
        return List.copyOf(switches);
    }

    @Override
    public synchronized void set(boolean on) {
        if (broken) {
            throw new IllegalStateException("GPIO 17 not exported");
        }
        switches.add(new Switch(on, System.nanoTime()));
    }
}
