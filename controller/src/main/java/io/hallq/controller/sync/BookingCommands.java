package io.hallq.controller.sync;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.queue.Booking;
import io.hallq.controller.queue.Actor;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.HallCommand;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Central's booking commands (BookAppointment, CancelBooking; schema booking-command.json) as engine commands, journaled
 * with the issuer ({@code mqtt:<issuer>}, the booking's {@code by}). The engine decides (slot room, the phone's limit,
 * a live booking) and its reject reasons pass through as the response's reason. The answer carries the booking.
 */
final class BookingCommands {

    private final String hall;
    private final HallController controller;

    BookingCommands(String hall, HallController controller) {
        this.hall = hall;
        this.controller = controller;
    }

    CompletableFuture<CommandResponse> book(HallCommand.BookAppointment b, String issuer) {
        if (controller.config().service(b.service()).isEmpty()) {
            return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "UNKNOWN_SERVICE",
                    "field 'command.service': this hall has no service '" + b.service() + "'"));
        }
        Command.Book cmd = new Command.Book(b.service(), b.start(), b.phoneMasked(), b.phoneHash(), null, "mqtt");
        return controller.submit(new Command.By(Actor.mqtt(issuer), cmd)).thenApply(o -> switch (o.result()) {
            case Result.Rejected r -> CommandResponse.rejected(hall, r.reason().name(), r.message());
            case Result.Accepted a -> event(o, HallEvent.BookingMade.class)
                    .map(m -> CommandResponse.booking(hall, "booked", new CommandResponse.Booking(m.booking(),
                            m.service(), m.slot(), m.slot().plus(Duration.ofMinutes(m.slotMinutes())),
                            m.phoneMasked(), "BOOKED")))
                    .orElseGet(() -> CommandResponse.rejected(hall, "FAILED", "the hall made no booking"));
        });
    }

    CompletableFuture<CommandResponse> cancel(HallCommand.CancelBooking c, String issuer) {
        return controller.query(s -> s.appointments().booking(c.booking())).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(CommandResponse.rejected(hall, "UNKNOWN_BOOKING",
                        "field 'command.booking': this hall has no booking '" + c.booking() + "'"));
            }
            Booking b = found.get();
            return controller.submit(new Command.By(Actor.mqtt(issuer),
                    new Command.CancelBooking(c.booking(), null, "cancelled by " + issuer)))
                    .thenApply(o -> switch (o.result()) {
                        case Result.Rejected r -> CommandResponse.rejected(hall, r.reason().name(), r.message());
                        case Result.Accepted a -> CommandResponse.booking(hall, "cancelled",
                                new CommandResponse.Booking(b.id(), b.service(), b.slot(), b.slotEnd(),
                                        b.phoneMasked(), "CANCELLED"));
                    });
        });
    }

    private static <T extends HallEvent> Optional<T> event(Outcome o, Class<T> type) {
        return o.events().stream().map(JournaledEvent::event).filter(type::isInstance).map(type::cast).findFirst();
    }
}
