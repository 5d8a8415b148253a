package io.hallq.board;

import io.hallq.controller.sync.MqttSettings;
import io.hallq.display.board.BoardServer;

/**
 * The standalone board's file, as read by {@link BoardSettingsReader}.
 *
 * @param hall the hall whose board this shows (its id, as in the hall's {@code hall.id})
 * @param id   this board among the hall's boards (one per TV); names its health topic and its default client id
 * @param bind address the board page listens on (127.0.0.1 when Chromium runs on the same Pi)
 * @param port port of the board page (0: a free one)
 * @param feeds the page's live feeds allowed at once, in total and per client address ({@code board.feeds})
 * @param mqtt how to reach the broker; only the connection keys are used (the board publishes only its health)
 */
public record BoardSettings(String hall, String id, String bind, int port, BoardServer.FeedLimits feeds, MqttSettings mqtt) {

    /** The device id of this board's health, {@code board-<id>}, under the hall's devices topic. */
    public String device() {
        return "board-" + id;
    }
}
