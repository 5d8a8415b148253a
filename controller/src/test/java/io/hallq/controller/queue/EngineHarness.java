package io.hallq.controller.queue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An engine with a hand-moved clock that keeps every event it produced. */
final class EngineHarness {

    final QueueEngine engine;
    final List<HallEvent> journal = new ArrayList<>();
    Instant now = TestHalls.MONDAY_10AM;

    EngineHarness(HallConfig config) {
        engine = new QueueEngine(config);
    }

    static EngineHarness small() {
        return new EngineHarness(TestHalls.small());
    }

    Result run(Command c) {
        Result r = engine.handle(c, now);
        journal.addAll(r.events());
        return r;
    }

    /** Runs a command that must be accepted and returns its events. */
    List<HallEvent> ok(Command c) {
        Result r = run(c);
        if (r instanceof Result.Rejected rej) {
            throw new AssertionError("rejected: " + c + ": " + rej.message());
        }
        return r.events();
    }

    Result.Rejected rejected(Command c) {
        Result r = run(c);
        if (r instanceof Result.Rejected rej) {
            return rej;
        }
        throw new AssertionError("accepted: " + c + " -> " + r.events());
    }

    HallEvent.TicketIssued issue(String service) {
        return issue(service, null);
    }

    HallEvent.TicketIssued issue(String service, String cls) {
        return only(ok(new Command.IssueTicket(service, cls, null, null)), HallEvent.TicketIssued.class);
    }

    /** The ticket a call-next called, or null when it called none. */
    String callNext(int counter) {
        for (HallEvent e : ok(new Command.CallNext(counter))) {
            if (e instanceof HallEvent.TicketCalled c) {
                return c.ticket();
            }
        }
        return null;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    void minutes(long m) {
        advance(Duration.ofMinutes(m));
    }

    static <T extends HallEvent> T only(List<HallEvent> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in " + events);
        }
        return found.get(0);
    }
}
