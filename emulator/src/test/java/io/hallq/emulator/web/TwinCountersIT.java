package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.Command;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Every counter of the whole example hall on the twin, in a real browser: each card shows its keypad, its
 * three rating keys and its display (with its place in the MAX7219 chain); clicking the call key calls a
 * ticket through the counter's keypad on its expander, the display on the chain shows it, finish and a rating
 * key complete the visit.
 */
class TwinCountersIT {

    /** A service each counter serves in the example hall. */
    private static final Map<Integer, String> SERVICE = Map.of(1, "BILL", 2, "OPEN", 3, "ADJ", 4, "PAY", 5, "SIM");

    @TempDir
    Path dir;

    /** Clicks in one step in the page: the twin redraws its cards on every view it receives. */
    private static void click(Browser b, String css) {
        b.until(d -> Boolean.TRUE.equals(b.js("var e = document.querySelector(arguments[0]);"
                + " if (!e) return false; e.click(); return true;", css)));
    }

    @Test
    void everyCountersKeypadRatingKeysAndDisplay_areShownAndOperatedOnTheTwin() {
        try (TwinHall hall = new TwinHall(dir); Browser b = new Browser(1920, 1080)) {
            hall.runtime.hall().submit(new Command.OpenCounter(5)).join(); // closed at the start of the day
            b.open(hall.url("/twin/"));
            for (int n = 1; n <= 5; n++) {
                String card = ".counter[data-counter-card='" + n + "']";
                int counter = n;
                b.until(d -> d.findElements(By.cssSelector(card + " .pad button")).size() == 12);
                assertEquals(3, b.driver.findElements(By.cssSelector(card + " .rating button")).size(), card);
                // the cards redraw on every view: read the text inside a wait, which retries a replaced element
                String position = n + "/5";
                b.until(d -> b.text(card + " .chain").contains(position));

                hall.runtime.hall().submit(Command.IssueTicket.walkIn(SERVICE.get(n))).join();
                click(b, card + " button[data-key='1']");
                b.until(d -> hall.runtime.hall().query(s -> s.counter(counter).current()).join() != null);
                String ticket = hall.runtime.hall().query(s -> s.counter(counter).current()).join();
                b.until(d -> ticket.equals(b.text(".led[data-led='" + counter + "']")));
                assertEquals(ticket, hall.devices.counterDisplay(n).orElseThrow().digits().strip(),
                        "position " + n + " of the chain");

                click(b, card + " button[data-key='6']");
                b.until(d -> hall.runtime.hall().query(s -> s.counter(counter).current()).join() == null);
                b.until(d -> b.text(".led[data-led='" + counter + "']").isBlank());
                click(b, card + " button[data-rating='3']");
                b.until(d -> hall.runtime.hall().eventsAfter(0, 10_000).stream().anyMatch(e ->
                        e.event() instanceof HallEvent.ServiceRated r && r.counter() == counter
                                && r.ticket().equals(ticket) && r.rating() == 3));
            }
            b.screenshot("twin-five-counters-1920x1080");
        }
    }
}
