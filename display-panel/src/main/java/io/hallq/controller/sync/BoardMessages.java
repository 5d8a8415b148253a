package io.hallq.controller.sync;

import io.hallq.display.board.BoardView;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import io.hallq.protocol.mqtt.HallBoard;
import io.hallq.protocol.mqtt.MqttCodec;

/**
 * The board page's view ({@link BoardView}, display-panel) and the board's wire message ({@link HallBoard},
 * protocol) field for field: the protocol stays free of the page model and the page free of the protocol.
 */
public final class BoardMessages {

    private BoardMessages() {}

    public static HallBoard toMessage(String hall, BoardView v) {
        return new HallBoard(MqttCodec.VERSION, hall, v.seq(), v.at(), v.hallZh(), v.hallEn(),
                v.counters().stream().map(c -> new HallBoard.Counter(c.number(), c.nameZh(), c.nameEn(),
                        CounterStatus.valueOf(c.status()), c.ticket())).toList(),
                v.calls().stream().map(c -> new HallBoard.Call(c.ticket(), c.counter(), c.recall(), c.seq())).toList(),
                v.services().stream().map(s -> new HallBoard.Service(s.code(), s.nameZh(), s.nameEn(), s.enabled(),
                        s.waiting(), s.waitSeconds(), s.messageZh(), s.messageEn())).toList(),
                v.notices().stream().map(n -> new HallBoard.Notice(n.zh(), n.en())).toList(),
                v.preCalls().stream().map(p -> new HallBoard.PreCall(p.service(), p.nameZh(), p.nameEn(),
                        p.tickets(), p.zh(), p.en())).toList());
    }

    public static BoardView toView(HallBoard m) {
        return new BoardView(m.seq(), m.at(), m.hallZh(), m.hallEn(),
                m.counters().stream().map(c -> new BoardView.CounterLine(c.number(), c.nameZh(), c.nameEn(),
                        c.status().name(), c.ticket())).toList(),
                m.calls().stream().map(c -> new BoardView.CallLine(c.ticket(), c.counter(), c.recall(), c.seq()))
                        .toList(),
                m.services().stream().map(s -> new BoardView.ServiceLine(s.code(), s.nameZh(), s.nameEn(),
                        s.enabled(), s.waiting(), s.waitSeconds(), s.messageZh(), s.messageEn())).toList(),
                m.notices().stream().map(n -> new BoardView.Notice(n.zh(), n.en())).toList(),
                m.preCalls().stream().map(p -> new BoardView.PreCallLine(p.service(), p.nameZh(), p.nameEn(),
                        p.tickets(), p.zh(), p.en())).toList());
    }
}
