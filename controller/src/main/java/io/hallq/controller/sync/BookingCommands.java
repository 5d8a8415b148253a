package io.hallq.controller.sync;

import io.hallq.controller.hall.HallController;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.HallCommand;
import java.util.concurrent.CompletableFuture;

/** Central's booking commands (BookAppointment, CancelBooking) as engine commands. */
final class BookingCommands {

    private final String hall;
    private final HallController controller;

    BookingCommands(String hall, HallController controller) {
        this.hall = hall;
        this.controller = controller;
    }

    CompletableFuture<CommandResponse> book(HallCommand.BookAppointment b, String issuer) {
        return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "FAILED", "bookings are not wired yet"));
    }

    CompletableFuture<CommandResponse> cancel(HallCommand.CancelBooking c, String issuer) {
        return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "FAILED", "bookings are not wired yet"));
    }
}
