package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.CounterView;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.Ticket;
import io.hallq.controller.queue.TicketView;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a query takes away from the writer is a copy: the live queue state never leaves the writer thread. */
class QueryViewsTest {

    @TempDir
    Path dir;

    private HallController hall;

    @BeforeEach
    void start() {
        hall = HallController.start(TestHalls.small(dir), new MutableClock(TestHalls.MONDAY_10AM), Duration.ZERO);
        run(Command.IssueTicket.walkIn("PAY"));
        run(Command.IssueTicket.walkIn("PAY"));
    }

    @AfterEach
    void stop() {
        hall.close();
    }

    private void run(Command c) {
        assertTrue(hall.submit(c).orTimeout(10, TimeUnit.SECONDS).join().accepted(), c.toString());
    }

    private <T> T query(java.util.function.Function<QueueView, T> read) {
        return hall.query(read).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void ticketsAndCountersTakenByAQuery_doNotChangeWhenTheQueueDoes() {
        List<TicketView> waiting = query(s -> s.waiting("PAY"));
        TicketView first = query(s -> s.ticket(waiting.get(0).number()));
        CounterView counter = query(s -> s.counter(2));
        run(new Command.CallNext(2));

        assertEquals(Ticket.Status.WAITING, first.status(), "the copy keeps what the query saw");
        assertEquals(2, waiting.size());
        assertEquals(null, counter.current());
        assertEquals(Ticket.Status.CALLED, query(s -> s.ticket(first.number())).status(), "a new query sees the call");
        assertEquals(first.number(), query(s -> s.counter(2)).current());
        assertEquals(1, query(s -> s.waiting("PAY")).size());
    }

    @Test
    void collectionsTakenByAQuery_areCopiesNobodyCanChange() {
        List<TicketView> live = query(QueueView::liveTickets);
        Map<String, HallEvent.AlarmRaised> alarms = query(QueueView::alarms);
        List<CounterView> counters = query(QueueView::counters);
        assertThrows(UnsupportedOperationException.class, () -> live.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> alarms.clear());
        assertThrows(UnsupportedOperationException.class, () -> counters.clear());
        assertThrows(UnsupportedOperationException.class, () -> counters.get(0).profile().clear());

        run(new Command.DeviceFault("printer", "打印机缺纸", "Ticket printer out of paper", "paper-out"));
        assertEquals(Map.of(), alarms, "the map taken before the alarm does not follow the state");
        assertEquals(1, query(QueueView::alarms).size());
        assertEquals(2, live.size());
    }

    @Test
    void aViewKeptPastItsQuery_refusesToRead() {
        QueueView kept = query(s -> s);
        IllegalStateException e = assertThrows(IllegalStateException.class, kept::waitingCount);
        assertTrue(e.getMessage().contains("only inside its query"), e.getMessage());
    }

    @Test
    void aViewHandedToAnotherThread_refusesToRead() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        query(s -> {
            Thread other = new Thread(() -> {
                try {
                    s.liveTickets();
                } catch (Throwable t) {
                    seen.set(t);
                }
            }, "not-the-writer");
            other.start();
            try {
                other.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s.waitingCount(); // the writer itself still reads
        });
        assertNotNull(seen.get(), "the other thread read the writer's state");
        assertTrue(assertInstanceOf(IllegalStateException.class, seen.get()).getMessage().contains("not-the-writer"));
    }
}
