package io.hallq.display.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.MalformedMessageException;
import java.time.Instant;
import java.util.List;

/**
 * Everything the hall board page shows, as one JSON document. The page renders only this, so it looks the
 * same whether the controller serves it or a second Pi does from what it receives over MQTT.
 *
 * @param seq      journal sequence of the latest event included: a page drops a view older than the one it shows
 * @param counters every counter, in number order
 * @param calls    the latest calls, newest first (the page highlights the first)
 * @param services every service customers can see, with the queue a walk-in would join
 * @param notices  the scrolling notice line, one entry per message
 * @param preCalls the hall's pre-call (early warning active): per busy service, the next customers asked to get
 *                 ready; empty otherwise (and in a view from a hall that does not send it)
 */
public record BoardView(long seq, Instant at, String hallZh, String hallEn, List<CounterLine> counters,
                        List<CallLine> calls, List<ServiceLine> services, List<Notice> notices,
                        List<PreCallLine> preCalls) {

    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    public BoardView {
        counters = List.copyOf(counters);
        calls = List.copyOf(calls);
        services = List.copyOf(services);
        notices = List.copyOf(notices);
        preCalls = preCalls == null ? List.of() : List.copyOf(preCalls);
    }

    /** A view without pre-calls. */
    public BoardView(long seq, Instant at, String hallZh, String hallEn, List<CounterLine> counters,
                     List<CallLine> calls, List<ServiceLine> services, List<Notice> notices) {
        this(seq, at, hallZh, hallEn, counters, calls, services, notices, List.of());
    }

    /**
     * One busy service's pre-call.
     *
     * @param tickets the next tickets of the service, first to be called first
     * @param zh      the line as shown, "请 A012、A013 号准备"
     * @param en      "A012, A013 please get ready"
     */
    public record PreCallLine(String service, String nameZh, String nameEn, List<String> tickets, String zh,
                              String en) {
        public PreCallLine {
            tickets = List.copyOf(tickets);
        }
    }

    /** @param status OPEN, PAUSED or CLOSED; {@code ticket} is the one being served, or null */
    public record CounterLine(int number, String nameZh, String nameEn, String status, String ticket) {}

    /**
     * @param recall the counter called the ticket again
     * @param seq    journal sequence of the call: every call and recall has its own, so the page knows to blink
     */
    public record CallLine(String ticket, int counter, boolean recall, long seq) {}

    /**
     * @param waiting     customers waiting for the service
     * @param waitSeconds the estimated wait of a customer taking a ticket now; -1 when no open counter serves it
     * @param messageZh   why the service is unavailable (only meaningful when not enabled)
     */
    public record ServiceLine(String code, String nameZh, String nameEn, boolean enabled, int waiting,
                              long waitSeconds, String messageZh, String messageEn) {}

    /** One message of the notice line, in both languages. */
    public record Notice(String zh, String en) {}

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the board view", e);
        }
    }

    /**
     * Reads a board view, e.g. received over MQTT.
     *
     * @throws MalformedMessageException naming what is wrong
     */
    public static BoardView fromJson(String json) {
        try {
            return MAPPER.readValue(json, BoardView.class);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(e.getOriginalMessage(), e);
        }
    }
}
