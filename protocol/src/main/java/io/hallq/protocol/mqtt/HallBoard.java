package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the hall board shows, retained on {@code hallq/v1/<hall>/board}, for a board that runs as a process of
 * its own (a second Pi beside the TV). The fields after the envelope ({@code v}, {@code hall}) are exactly
 * those of the board page's view, so the page renders the same document in both setups. Nothing personal:
 * no phone numbers, customer classes or mobile tokens.
 *
 * @param seq      journal sequence of the latest event included; a board drops a message older than the one shown
 * @param at       when the view was taken
 * @param counters every counter, in number order
 * @param calls    the latest calls, newest first
 * @param services every service customers can see, with the queue a walk-in would join
 * @param notices  the scrolling notice line, one entry per message
 * @param preCalls while the hall's early warning is active: per busy service, the next tickets asked to get
 *                 ready; optional (absent from a hall before pre-calls), empty when none
 */
public record HallBoard(@JsonProperty(required = true) int v,
                        @JsonProperty(required = true) String hall,
                        @JsonProperty(required = true) long seq,
                        @JsonProperty(required = true) Instant at,
                        @JsonProperty(required = true) String hallZh,
                        @JsonProperty(required = true) String hallEn,
                        @JsonProperty(required = true) List<Counter> counters,
                        @JsonProperty(required = true) List<Call> calls,
                        @JsonProperty(required = true) List<Service> services,
                        @JsonProperty(required = true) List<Notice> notices,
                        List<PreCall> preCalls) implements MqttMessage {

    /** A board message without pre-calls. */
    public HallBoard(int v, String hall, long seq, Instant at, String hallZh, String hallEn, List<Counter> counters,
                     List<Call> calls, List<Service> services, List<Notice> notices) {
        this(v, hall, seq, at, hallZh, hallEn, counters, calls, services, notices, List.of());
    }

    public HallBoard {
        Require.version(v);
        Require.segment("hall", hall);
        Require.atLeast("seq", seq, 0);
        Require.present("at", at);
        Require.text("hallZh", hallZh);
        Require.text("hallEn", hallEn);
        counters = Require.list("counters", counters);
        calls = Require.list("calls", calls);
        services = Require.list("services", services);
        notices = Require.list("notices", notices);
        preCalls = preCalls == null ? List.of() : Require.list("preCalls", preCalls);
    }

    /**
     * One busy service's pre-call.
     *
     * @param tickets the service's next tickets, first to be called first (1 to 10)
     * @param zh      the line as the board shows it, "请 A012、A013 号准备"
     * @param en      "A012, A013 please get ready"
     */
    public record PreCall(@JsonProperty(required = true) String service,
                          @JsonProperty(required = true) String nameZh,
                          @JsonProperty(required = true) String nameEn,
                          @JsonProperty(required = true) List<String> tickets,
                          @JsonProperty(required = true) String zh,
                          @JsonProperty(required = true) String en) {
        public PreCall {
            Require.present("service", service);
            Require.present("nameZh", nameZh);
            Require.present("nameEn", nameEn);
            tickets = Require.list("tickets", tickets);
            Require.present("zh", zh);
            Require.present("en", en);
        }
    }

    /** @param ticket the ticket being served, or null */
    public record Counter(@JsonProperty(required = true) int number,
                          @JsonProperty(required = true) String nameZh,
                          @JsonProperty(required = true) String nameEn,
                          @JsonProperty(required = true) CounterStatus status,
                          String ticket) {
        public Counter {
            Require.atLeast("number", (long) number, 1);
            Require.present("nameZh", nameZh);
            Require.present("nameEn", nameEn);
            Require.present("status", status);
        }
    }

    /**
     * @param recall the counter called the ticket again
     * @param seq    journal sequence of the call: every call and recall has its own
     */
    public record Call(@JsonProperty(required = true) String ticket,
                       @JsonProperty(required = true) int counter,
                       @JsonProperty(required = true) boolean recall,
                       @JsonProperty(required = true) long seq) {
        public Call {
            Require.text("ticket", ticket);
            Require.atLeast("counter", (long) counter, 1);
            Require.atLeast("seq", seq, 0);
        }
    }

    /**
     * @param waiting     customers waiting for the service
     * @param waitSeconds the estimated wait of a customer taking a ticket now; -1 when no open counter serves it
     * @param messageZh   why the service is unavailable (when not enabled), else null or empty
     */
    public record Service(@JsonProperty(required = true) String code,
                          @JsonProperty(required = true) String nameZh,
                          @JsonProperty(required = true) String nameEn,
                          @JsonProperty(required = true) boolean enabled,
                          @JsonProperty(required = true) int waiting,
                          @JsonProperty(required = true) long waitSeconds,
                          String messageZh,
                          String messageEn) {
        public Service {
            Require.text("code", code);
            Require.present("nameZh", nameZh);
            Require.present("nameEn", nameEn);
            Require.atLeast("waiting", (long) waiting, 0);
            Require.atLeast("waitSeconds", waitSeconds, -1);
        }
    }

    /** One message of the notice line, in both languages. */
    public record Notice(@JsonProperty(required = true) String zh,
                         @JsonProperty(required = true) String en) {
        public Notice {
            Require.present("zh", zh);
            Require.present("en", en);
        }
    }
}
