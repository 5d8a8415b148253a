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
    private boolean transferring;

    public CounterKeys(int counter, HallController hall, MatrixKeypad keypad, List<InputPin> ratingPins,
                       InputTiming timing, DeviceAlarms alarms) {
        this.counter = counter;
        this.hall = hall;
        this.keypad = keypad;
        this.ratingPins = List.copyOf(ratingPins);
        this.ratingKeys = ratingPins.stream().map(p -> new KeyDebouncer(timing)).toList();
        this.services = hall.config().services().stream().map(s -> s.code()).toList();
        this.alarms = alarms;
    }

    public void scan(long nowMs) {
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
                submit(new Command.Transfer(counter, services.get(index)));
            }
            return;
        }
        switch (key) {
            case CALL -> submit(new Command.CallNext(counter));
            case RECALL -> submit(new Command.Recall(counter));
            case NO_SHOW -> submit(new Command.NoShow(counter));
            case TRANSFER -> transferring = true;
            case FINISH -> submit(new Command.Finish(counter));
            case PAUSE -> submit(new Command.PauseOrResume(counter)); // the engine decides on the state it changes
            default -> { }
        }
    }

    private void submit(Command c) {
        hall.submit(c).thenAccept(o -> {
            if (!o.accepted()) {
                Logger.info("Counter {} key: {} rejected: {}", counter, c, o.result());
            }
        });
    }
}
