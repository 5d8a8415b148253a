package io.hallq.controller.device;

import io.hallq.controller.device.DevicesConfig.NearEndPolicy;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.ticket.PrintedText;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.controller.ticket.TicketSettings;
import io.hallq.protocol.event.HallEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * A dispenser on a recording board, scanned by the test on its own clock (the device thread is the test thread):
 * the PAY and BILL buttons with their lights, the phone keypad, and a recording printer link behind a print queue.
 * The only waits are for the writer to make a command durable and for the printer thread to print, never for time
 * to pass. Closing it closes the print queue and the hall.
 */
final class DispenserRig implements AutoCloseable {

    static final int PAY_PIN = 5, PAY_LED = 6, BILL_PIN = 13, BILL_LED = 19;
    private static final List<Integer> ROWS = List.of(17, 27, 22, 23);
    private static final List<Integer> COLUMNS = List.of(24, 25, 12);

    final RecordingBoard board = new RecordingBoard();
    final RecordingPrinterLink link = new RecordingPrinterLink();
    final HallController hall;
    final PrintQueue printing;
    final Dispenser dispenser;
    private final Set<Character> down = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<HallEvent> handed = new ConcurrentLinkedQueue<>();
    private long now = 1_000;

    /** The dispenser of {@code hall}, its phone lookup knowing {@code phoneClasses}; not started yet. */
    DispenserRig(HallController hall, Map<String, String> phoneClasses) {
        this.hall = hall;
        InputTiming timing = new InputTiming(Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ZERO);
        DeviceAlarms alarms = new DeviceAlarms(hall);
        printing = new PrintQueue(new TicketPrinter(link, Duration.ofMillis(150)),
                new TicketLayout(hall.config(), new TicketSettings(80, null, null, null), NearbyHalls.NONE), alarms,
                NearEndPolicy.WARN);
        board.keypad(ROWS, COLUMNS, down);
        MatrixKeypad phone = new MatrixKeypad(ROWS.stream().map(board::output).toList(),
                COLUMNS.stream().map(board::input).toList(), MatrixKeypad.PHONE_LAYOUT, timing);
        dispenser = new Dispenser(hall, List.of(
                new Dispenser.Button("PAY", board.input(PAY_PIN), board.output(PAY_LED), new KeyDebouncer(timing)),
                new Dispenser.Button("BILL", board.input(BILL_PIN), board.output(BILL_LED), new KeyDebouncer(timing))),
                phone, new PhoneEntry(Duration.ofSeconds(30)), PhoneLookup.of(phoneClasses), alarms, printing,
                NearEndPolicy.WARN);
    }

    /** Starts the dispenser, hands it the hall's durable events from now on, and scans for 10 ms. */
    DispenserRig start() {
        dispenser.start();
        hall.addListener(events -> events.forEach(e -> handed.add(e.event())));
        scan(10);
        return this;
    }

    /** Scans every 2 ms for {@code ms} of the test's clock, handing durable events over first. */
    void scan(long ms) {
        for (long t = 0; t < ms; t += 2) {
            now += 2;
            HallEvent e;
            while ((e = handed.poll()) != null) {
                dispenser.on(e);
            }
            dispenser.scan(now);
        }
    }

    void await(String what, BooleanSupplier done) {
        for (int i = 0; i < 20_000; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            hall.query(s -> null).join();
            scan(2);
        }
        throw new AssertionError("never happened: " + what);
    }

    /** Each key of {@code keys} pressed on the phone keypad and let go, 30 ms each. */
    void type(String keys) {
        for (char k : keys.toCharArray()) {
            down.add(k);
            scan(30);
            down.remove(k);
            scan(30);
        }
    }

    void press(int pin) {
        board.press(pin);
        scan(30);
        board.release(pin);
        scan(30);
    }

    void printerAnswersOk(int statusChecks) {
        for (int i = 0; i < statusChecks * 4; i++) {
            link.answer(0x12);
        }
    }

    /** True when the printer got {@code text} as one line (GBK, then LF). */
    boolean printed(String text) {
        byte[] bytes;
        synchronized (link) {
            bytes = link.written.toByteArray();
        }
        return PrintedText.prints(bytes, text);
    }

    @Override
    public void close() {
        printing.close();
        hall.close();
    }
}
