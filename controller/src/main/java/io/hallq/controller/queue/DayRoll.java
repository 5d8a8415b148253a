package io.hallq.controller.queue;

import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.DayStarted;
import io.hallq.protocol.event.HallEvent.TicketVoided;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Starts business days as time passes; the rule is documented on {@link BusinessDay}. */
final class DayRoll {

    static final String DAY_CLOSED = "day closed";

    private DayRoll() {}

    static void roll(QueueState state, Instant now, Consumer<HallEvent> emit) {
        HallConfig cfg = state.config();
        String today = BusinessDay.of(now, cfg.hall().zone(), cfg.hours().dayRollover());
        if (state.day() != null && today.compareTo(state.day()) <= 0) {
            return;
        }
        if (!state.liveTickets().isEmpty()) {
            if (!BusinessDay.closed(now, cfg.hall().zone(), cfg.hours())) {
                return; // a clock jump during opening hours: keep numbering the old day while tickets are held
            }
            List<String> leftovers = state.liveTickets().stream().map(Ticket::number).sorted().toList();
            leftovers.forEach(t -> emit.accept(new TicketVoided(now, t, DAY_CLOSED)));
        }
        emit.accept(new DayStarted(now, today));
    }
}
