package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device module on a recording board, its thread run by hand on a manual clock: keys, rating keys and the
 * counter displays' chain, with no wall-clock wait (the only waits are for the writer to make a command
 * durable). Counter keypads and rating keys are on Pi pins here; expander pins have {@link Mcp23017Test} and the
 * emulator's tests.
 */
class DeviceModuleTest {

    private static final List<Integer> ROWS_1 = List.of(16, 20, 21, 26);
    private static final List<Integer> COLUMNS_1 = List.of(12, 13, 19);

    @TempDir
    Path dir;

    private final RecordingBoard board = new RecordingBoard();
    private final ManualLoop loop = new ManualLoop();
    private final Set<Character> down = ConcurrentHashMap.newKeySet();
    private HallRuntime runtime;

    private void start() throws Exception {
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"));
        yaml = yaml.substring(0, yaml.indexOf("\ndevices:")) + "\n" + """
                devices:
                  debounce: 20ms
                  stuckAfter: 1s
                  pressInterval: 0s
                  counters:
                    - counter: 1
                      keypad: { rows: [16, 20, 21, 26], columns: [12, 13, 19] }
                      satisfaction: [14, 15, 18]
                      display: { bus: 0, chipSelect: 0, position: 2 }
                    - counter: 2
                      display: { bus: 0, chipSelect: 0, position: 1 }
                """;
        yaml = yaml.replace("dataDir: ../data/sh-pudong-01", "dataDir: " + dir.resolve("data"));
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);
        board.keypad(ROWS_1, COLUMNS_1, down);
        DeviceModule module = new DeviceModule(board, p -> {
            throw new AssertionError("no printer in this hall");
        }, NearbyHalls.NONE, loop::now, loop);
        runtime = HallRuntime.start(HallConfigLoader.loadWithRoot(file),
                new MutableClock(TestHalls.MONDAY_10AM), List.of(module));
        loop.advance(10);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private <T> T query(Function<QueueView, T> q) {
        return runtime.hall().query(q).join();
    }

    /** Waits for the writer (not the clock) while the device thread keeps running on the manual clock. */
    private void await(String what, BooleanSupplier done) {
        for (int i = 0; i < 20_000; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            runtime.hall().query(s -> null).join(); // lets the writer and its listeners catch up
            loop.advance(2);
        }
        throw new AssertionError("never happened: " + what);
    }

    private void tap(char key) {
        down.add(key);
        loop.advance(30);
        down.remove(key);
        loop.advance(30);
    }

    private void issue(String service) {
        runtime.hall().submit(Command.IssueTicket.walkIn(service)).join();
    }

    @Test
    void callKey_callsTheNextTicket_andOnlyItsChipOfTheSharedChainShowsIt() throws Exception {
        start();
        assertEquals(List.of(false, false, false, false), ROWS_1.stream().map(r -> board.output(r, true)).toList(),
                "an idle keypad rests with its rows low");
        issue("BILL");
        int framesBefore = board.frames(0, 0).size();
        tap(CounterKeys.CALL);
        await("G001 called at counter 1", () -> "G001".equals(query(s -> s.counter(1).current())));
        await("G001 on counter 1's display", () -> board.digits(0, 0, 2, 1).equals("    G001"));
        assertEquals("        ", board.digits(0, 0, 2, 0), "counter 2's display, chip 0, stays blank");
        List<byte[]> frames = board.frames(0, 0).subList(framesBefore, board.frames(0, 0).size());
        for (byte[] f : frames) {
            assertEquals(4, f.length, "one word per chip of the 2-chip chain");
            assertEquals(0, f[2], "chip 0 gets a no-op in every frame of counter 1's call");
        }
        assertTrue(frames.size() >= 4 && frames.size() <= 5, "4 digits changed (and a blink), got " + frames.size());
    }

    @Test
    void pauseKey_pausesTheCounter_andAgainResumesIt() throws Exception {
        start();
        tap(CounterKeys.PAUSE);
        await("paused", () -> query(s -> s.counter(1).status()) == CounterStatus.PAUSED);
        tap(CounterKeys.PAUSE);
        await("open again", () -> query(s -> s.counter(1).status()) == CounterStatus.OPEN);
    }

    @Test
    void transferKey_thenAServiceDigit_transfersTheTicket_andStarCancels() throws Exception {
        start();
        issue("BILL");
        tap(CounterKeys.CALL);
        await("called", () -> "G001".equals(query(s -> s.counter(1).current())));
        tap(CounterKeys.TRANSFER);
        tap(CounterKeys.CANCEL);
        tap('2'); // after the cancel, '2' is recall, not a service digit
        await("recalled", () -> query(s -> s.ticket("G001").recalls()) == 1);
        tap(CounterKeys.TRANSFER);
        tap('2'); // services[1] = SIM
        await("transferred to SIM", () -> {
            var t = query(s -> s.ticket("G001"));
            return t != null && t.service().equals("SIM");
        });
    }

    @Test
    void ratingKey_ratesTheTicketJustServed() throws Exception {
        start();
        issue("BILL");
        runtime.hall().submit(new Command.CallNext(1)).join();
        runtime.hall().submit(new Command.Finish(1)).join();
        board.press(18); // the third rating key: happy
        loop.advance(30);
        board.release(18);
        await("rated", () -> runtime.hall().eventsAfter(0, 1000).stream()
                .anyMatch(e -> e.event() instanceof HallEvent.ServiceRated r && r.rating() == 3));
    }

    @Test
    void aGlitchShorterThanTheMinimumPressWidth_isNoPress() throws Exception {
        start();
        issue("BILL");
        down.add(CounterKeys.CALL);
        loop.advance(KeyDebouncer.MIN_PRESS_MS - 2); // seen down by one scan only
        down.remove(CounterKeys.CALL);
        loop.advance(100);
        runtime.hall().query(s -> null).join();
        assertEquals((Object) null, query(s -> s.counter(1).current()));
    }

    @Test
    void aKeyHeldPastStuckAfter_isADeviceAlarm_clearedWhenReleased_allOnTheManualClock() throws Exception {
        start();
        down.add('9'); // no command: only the stuck key matters
        loop.advance(1_100);
        await("the stuck-key alarm", () -> query(s -> s.alarms().containsKey("DEVICE:counter-1-keypad")));
        assertEquals(DeviceAlarms.STUCK_KEY, query(s -> s.alarms().get("DEVICE:counter-1-keypad").cause()));
        down.remove('9');
        loop.advance(30);
        await("cleared", () -> !query(s -> s.alarms().containsKey("DEVICE:counter-1-keypad")));
    }

    @Test
    void aCallKeyRefusedAgainAndAgain_isADeviceAlarm_clearedWhenThePressIsAcceptedAgain() throws Exception {
        start();
        String alarm = "DEVICE:counter-1-key-1";
        for (int i = 0; i < RefusedKeys.DEFAULT.refusals() - 1; i++) {
            tap(CounterKeys.CALL); // nobody waits: NOBODY_WAITING each time
        }
        runtime.hall().query(s -> null).join();
        loop.advance(2);
        assertTrue(!query(s -> s.alarms().containsKey(alarm)), "14 refusals in a second are not yet a fault");
        tap(CounterKeys.CALL);
        await("the refused-key alarm", () -> query(s -> s.alarms().containsKey(alarm)));
        assertEquals(DeviceAlarms.REFUSED_KEY, query(s -> s.alarms().get(alarm).cause()));
        issue("BILL");
        tap(CounterKeys.CALL);
        await("G001 called", () -> "G001".equals(query(s -> s.counter(1).current())));
        await("cleared by the accepted press", () -> !query(s -> s.alarms().containsKey(alarm)));
    }

    @Test
    void aRefusedKeyAlarm_clearsWhenAWholeWindowPassesWithoutARefusal() throws Exception {
        start();
        String alarm = "DEVICE:counter-1-key-1";
        for (int i = 0; i < RefusedKeys.DEFAULT.refusals(); i++) {
            tap(CounterKeys.CALL);
        }
        await("the refused-key alarm", () -> query(s -> s.alarms().containsKey(alarm)));
        loop.advance(RefusedKeys.DEFAULT.window().toMillis() + 10);
        await("cleared after a quiet window", () -> !query(s -> s.alarms().containsKey(alarm)));
    }
}
