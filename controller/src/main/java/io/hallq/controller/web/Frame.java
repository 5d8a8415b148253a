package io.hallq.controller.web;

import io.hallq.display.board.BoardView.Notice;
import java.util.List;

/** One update of the pages: the queue as of {@code view.seq()}, today's history and the neighbour notices. */
record Frame(HallView view, DayLedger.Snapshot ledger, List<Notice> neighbourNotices) {
    long seq() {
        return view.seq();
    }
}
