package io.hallq.display;

import io.hallq.protocol.event.HallEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the hall board shows, kept up to date from the event stream: the ticket each counter is serving and
 * the latest calls, newest first. It needs no access to the controller, so it works the same inside the
 * controller and on a second Pi that only subscribes to the hall's events.
 */
public final class HallBoard {

    /** One call as the board lists it. */
    public record Call(String ticket, int counter, boolean recall) {}

    private final int history;
    private final Map<Integer, String> serving = new TreeMap<>();
    private final Deque<Call> calls = new ArrayDeque<>();

    public HallBoard(int history) {
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1, got " + history);
        }
        this.history = history;
    }

    public void apply(HallEvent event) {
        switch (event) {
            case HallEvent.DayStarted d -> {
                serving.clear();
                calls.clear();
            }
            case HallEvent.TicketCalled c -> {
                serving.put(c.counter(), c.ticket());
                remember(new Call(c.ticket(), c.counter(), false));
            }
            case HallEvent.TicketRecalled r -> remember(new Call(r.ticket(), r.counter(), true));
            case HallEvent.TicketServed s -> serving.remove(s.counter(), s.ticket());
            case HallEvent.TicketNoShow n -> serving.remove(n.counter(), n.ticket());
            case HallEvent.TicketTransferred t -> serving.remove(t.counter(), t.ticket());
            case HallEvent.TicketVoided v -> serving.values().remove(v.ticket());
            default -> { }
        }
    }

    private void remember(Call call) {
        calls.addFirst(call);
        while (calls.size() > history) {
            calls.removeLast();
        }
    }

    /** Counter number to the ticket it is serving. */
    public Map<Integer, String> serving() {
        return Map.copyOf(serving);
    }

    /** The latest calls, newest first. */
    public List<Call> latestCalls() {
        return new ArrayList<>(calls);
    }

    /** A plain-text rendering for logs and terminals. */
    public String render() {
        StringBuilder b = new StringBuilder("窗口 Counter | 正在办理 Now serving\n");
        serving.forEach((counter, ticket) -> b.append(String.format("%12d | %s%n", counter, ticket)));
        b.append("最近呼叫 Latest calls: ");
        calls.forEach(c -> b.append(c.ticket()).append("→").append(c.counter()).append(c.recall() ? "(重呼) " : " "));
        return b.toString().trim();
    }
}
