package io.hallq.controller.device;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import java.util.List;
import org.tinylog.Logger;

/**
 * A counter's keypad (呼叫器) and satisfaction keys (评价器). Keys: 1 call next, 2 recall, 3 no-show,
 * 4 transfer then a service digit (the service's place in the config list, 1-9), 5 pause/resume, 6 finish,
 * * cancels a transfer. Rating keys are 1 (unhappy) up to 3 or 4 (happy).
 */
public final class CounterKeys {

    /** The keys printed on the keypad, in the phone layout. */
    public static final char CALL = '1', RECALL = '2', NO_SHOW = '3', TRANSFER = '4', PAUSE = '5', FINISH = '6',
            CANCEL = '*';

    private final int counter;
    private final HallController hall;
    private final MatrixKeypad keypad;
    private final List<InputPin> ratingPins;
    private final List<KeyDebouncer> ratingKeys;
    private final List<String> services;
    private final DeviceAlarms alarms;
    private final RefusedKeys refusals;
    private boolean transferring;
    /** The device loop's time of the scan in progress: when a key was pressed. */
    private long scanMs;

    public CounterKeys(int counter, HallController hall, MatrixKeypad keypad, List<InputPin> ratingPins,
                       InputTiming timing, DeviceAlarms alarms) {
        this.counter = counter;
        this.hall = hall;
        this.keypad = keypad;
        this.ratingPins = List.copyOf(ratingPins);
        this.ratingKeys = ratingPins.stream().map(p -> new KeyDebouncer(timing)).toList();
        this.services = hall.config().services().stream().map(s -> s.code()).toList();
        this.alarms = alarms;
        this.refusals = new RefusedKeys(RefusedKeys.DEFAULT, this::keepsBeingRefused, k -> alarms.clear(refusedDevice(k)));
    }

    /** The device of a key's refused-key alarm: {@code counter-<n>-key-<key>} ({@code star} for '*'). */
    String refusedDevice(char key) {
        return DeviceAlarms.COUNTER_PREFIX + counter + "-key-" + (key == CANCEL ? "star" : String.valueOf(key));
    }

    private void keepsBeingRefused(char key) {
        RefusedKeys.Limit l = RefusedKeys.DEFAULT;
        alarms.refusedKey(refusedDevice(key), counter + "号窗口按键 " + key + " 在 " + l.window().toSeconds() + " 秒内被拒绝 "
                + l.refusals() + " 次,请检查按键", "Counter " + counter + " key " + key + " refused " + l.refusals()
                + " times in " + l.window().toSeconds() + " s: check the key");
    }

    public void scan(long nowMs) {
        scanMs = nowMs;
        refusals.quiet(nowMs);
        if (keypad != null) {
            for (MatrixKeypad.KeySignal k : keypad.scan(nowMs)) {
                signal(k.signal(), DeviceAlarms.COUNTER_PREFIX + counter + "-keypad", () -> key(k.key()));
            }
        }
        for (int i = 0; i < ratingKeys.size(); i++) {
            int rating = i + 1;
            signal(ratingKeys.get(i).sample(!ratingPins.get(i).high(), nowMs), DeviceAlarms.COUNTER_PREFIX + counter + "-rating",
                    () -> hall.submit(new Command.RateService(counter, rating)));
        }
    }

    private void signal(KeyDebouncer.Signal s, String device, Runnable pressed) {
        switch (s) {
            case PRESSED -> pressed.run();
            case STUCK -> alarms.stuckKey(device, counter + "号窗口按键卡住", "Counter " + counter + " key stuck");
            case UNSTUCK -> alarms.clear(device);
            default -> { }
        }
    }

    /** One key press, as the keypad decoded it. */
    void key(char key) {
        if (transferring) {
            transferring = false;
            int index = key - '1';
            if (key != CANCEL && index >= 0 && index < Math.min(9, services.size())) {
                submit(new Command.Transfer(counter, services.get(index)), TRANSFER);
            }
            return;
        }
        switch (key) {
            case CALL -> submit(new Command.CallNext(counter), CALL);
            case RECALL -> submit(new Command.Recall(counter), RECALL);
            case NO_SHOW -> submit(new Command.NoShow(counter), NO_SHOW);
            case TRANSFER -> transferring = true;
            case FINISH -> submit(new Command.Finish(counter), FINISH);
            case PAUSE -> submit(new Command.PauseOrResume(counter), PAUSE); // the engine decides on the state it changes
            default -> { }
        }
    }

    /**
     * Submits what {@code key} asks for. A refusal is an everyday answer (call next while nobody waits), logged at
     * debug; a key that keeps being refused raises a DEVICE alarm ({@link RefusedKeys}), cleared when it stops.
     */
    private void submit(Command c, char key) {
        long pressedMs = scanMs;
        hall.submit(c).thenAccept(o -> {
            if (o.accepted()) {
                refusals.accepted(key);
            } else {
                Logger.debug("Counter {} key: {} rejected: {}", counter, c, o.result());
                refusals.refused(key, pressedMs);
            }
        });
    }
}
