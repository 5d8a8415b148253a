package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.appointments.PhoneHasher;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.queue.Booking;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.CommandResponse;
import io.hallq.protocol.mqtt.EventMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Central books and cancels over MQTT (a real Mosquitto): BookAppointment and CancelBooking in the CommandRequest
 * envelope, answered on the issuer's reply topic with the booking; the booking journaled with {@code by: mqtt:central}
 * and on the events topic without its phone hash; hostile booking commands rejected with a reason, changing nothing.
 */
class BookingCommandsIT {

    private static final String HALL = "hall-a";
    private static final String PHONE = "13812345678";
    private static final AppointmentsConfig RULES = new AppointmentsConfig(true, true, List.of("OPEN", "PAY"), 0.5,
            Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(10),
            Duration.ofMinutes(30), 7, 1);
    /** 11:00 in the hall (Asia/Shanghai): a slot on the grid, ahead of the test clock's 10:00. */
    private static final Instant SLOT = Instant.parse("2026-11-23T03:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    private Mosquitto broker;
    private SyncHalls.Running hall;

    @AfterEach
    void tearDown() {
        if (hall != null) {
            hall.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private LoadedConfig loaded() {
        LoadedConfig l = SyncHalls.loaded(HALL, dir.resolve(HALL), SyncHalls.mqtt(broker.uri(), """
                  BookAppointment: [central]
                  CancelBooking: [central]
                """));
        return new LoadedConfig(l.config().withAppointments(RULES), l.root(), l.file());
    }

    private String cmd(String command) {
        return "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"issuedAt\":\"" + clock.instant() + "\",\"command\":"
                + command + "}";
    }

    private String book(String hash, Instant start) {
        return "{\"type\":\"BookAppointment\",\"service\":\"OPEN\",\"start\":\"" + start + "\",\"phoneHash\":\"" + hash
                + "\",\"phoneMasked\":\"138****5678\"}";
    }

    private CommandResponse send(CommandClient c, String json) {
        return c.sendRaw(HALL, cmd(json).getBytes(StandardCharsets.UTF_8), m -> { }, 10_000)
                .orElseThrow(() -> new AssertionError("no answer to " + json));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void centralBooksAndCancels_andGetsTheBookingOnItsReplyTopic() {
        broker = Mosquitto.start(dir.resolve("broker"));
        hall = SyncHalls.start(loaded(), clock);
        String hash = PhoneHasher.of(hall.runtime().hall().config()).hash(PHONE);
        try (CentralRecorder recorder = new CentralRecorder(broker.uri(), "central-recorder");
             CommandClient central = new CommandClient(broker.uri(), "central", clock);
             CommandClient manager = new CommandClient(broker.uri(), "manager-hall-a", clock)) {
            assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
            central.awaitAnswering(HALL);

            CommandResponse booked = send(central, book(hash, SLOT));
            assertTrue(booked.accepted(), booked.message());
            assertNotNull(booked.booking());
            assertEquals("OPEN", booked.booking().service());
            assertEquals(SLOT, booked.booking().start());
            assertEquals(SLOT.plus(Duration.ofMinutes(30)), booked.booking().end());
            assertEquals("138****5678", booked.booking().phoneMasked());
            assertEquals("BOOKED", booked.booking().status());
            String id = booked.booking().id();
            Booking b = hall.runtime().hall().query(s -> s.appointments().booking(id)).join().orElseThrow();
            assertEquals("mqtt:central", b.by());
            assertEquals(hash, b.phoneHash(), "the check-in at the dispenser finds it by the same hash");

            CommandResponse full = send(central, book(hash, SLOT));
            assertFalse(full.accepted());
            assertTrue(full.reason().equals("BOOKING_LIMIT") || full.reason().equals("SLOT_FULL"), full.reason());

            assertEquals("NOT_ALLOWED", send(manager, book(hash, SLOT)).reason(), "only the issuers in mqtt.commands");
            assertEquals("UNKNOWN_SERVICE", send(central, book(hash, SLOT).replace("OPEN", "NOPE")).reason());
            assertEquals("UNKNOWN_BOOKING", send(central, "{\"type\":\"CancelBooking\",\"booking\":\"B999999\"}")
                    .reason());

            CommandResponse cancelled = send(central, "{\"type\":\"CancelBooking\",\"booking\":\"" + id + "\"}");
            assertTrue(cancelled.accepted(), cancelled.message());
            assertEquals("CANCELLED", cancelled.booking().status());
            assertEquals(id, cancelled.booking().id());
            CommandResponse twice = send(central, "{\"type\":\"CancelBooking\",\"booking\":\"" + id + "\"}");
            assertFalse(twice.accepted());

            // the events topic says the same, without the phone hash
            assertTrue(CentralRecorder.await(() -> recorder.events(HALL).stream().map(EventMessage::event)
                    .anyMatch(HallEvent.BookingCancelled.class::isInstance), 10_000), "BookingCancelled on the wire");
            HallEvent.BookingMade made = recorder.events(HALL).stream().map(EventMessage::event)
                    .filter(HallEvent.BookingMade.class::isInstance).map(HallEvent.BookingMade.class::cast)
                    .findFirst().orElseThrow();
            assertEquals(id, made.booking());
            assertEquals("mqtt:central", made.by());
            assertTrue(made.phoneHash() == null || made.phoneHash().isEmpty(), "the hash stays in the hall");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hostileBookingCommands_areRejectedWithAReason_andChangeNothing() {
        broker = Mosquitto.start(dir.resolve("broker"));
        hall = SyncHalls.start(loaded(), clock);
        String hash = PhoneHasher.of(hall.runtime().hall().config()).hash(PHONE);
        try (CommandClient central = new CommandClient(broker.uri(), "central", clock)) {
            assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
            central.awaitAnswering(HALL);
            hall.runtime().hall().submit(new io.hallq.controller.queue.Command.Tick()).join(); // the day has started
            long before = hall.runtime().hall().lastSequence();
            String[][] cases = {
                {"a clear number", book(hash, SLOT).replace("\"phoneMasked\":\"138****5678\"",
                        "\"phoneMasked\":\"138****5678\",\"phone\":\"" + PHONE + "\""), "MALFORMED"},
                {"a clear number as masked", book(hash, SLOT).replace("138****5678", PHONE), "MALFORMED"},
                {"a short hash", book("abc", SLOT), "MALFORMED"},
                {"a time that is not one", book(hash, SLOT).replace(SLOT.toString(), "tomorrow"), "MALFORMED"},
                {"a class", book(hash, SLOT).replace("{\"type\"", "{\"customerClass\":\"VIP\",\"type\""), "MALFORMED"},
                {"off the slot grid", book(hash, SLOT.plusSeconds(420)), "SLOT_NOT_BOOKABLE"},
                {"in the past", book(hash, SLOT.minus(Duration.ofDays(1))), "SLOT_NOT_BOOKABLE"},
                {"a year ahead", book(hash, SLOT.plus(Duration.ofDays(365))), "SLOT_NOT_BOOKABLE"},
                {"a service without bookings", book(hash, SLOT).replace("OPEN", "BILL"), "APPOINTMENTS_OFF"},
                {"cancel nothing", "{\"type\":\"CancelBooking\"}", "MALFORMED"},
                {"cancel a number", "{\"type\":\"CancelBooking\",\"booking\":7}", "MALFORMED"},
                {"cancel a path", "{\"type\":\"CancelBooking\",\"booking\":\"../x\"}", "MALFORMED"},
                {"cancel an unknown booking", "{\"type\":\"CancelBooking\",\"booking\":\"B424242\"}", "UNKNOWN_BOOKING"}};
            for (String[] c : cases) {
                CommandResponse r = send(central, c[1]);
                assertFalse(r.accepted(), c[0]);
                assertEquals(c[2], r.reason(), c[0] + ": " + r.message());
                assertFalse(r.message().contains(PHONE), c[0] + ": the number is not echoed");
            }
            assertEquals(before, hall.runtime().hall().lastSequence(), "a hostile booking command changed the journal");
            assertTrue(send(central, book(hash, SLOT)).accepted(), "the hall still books");
        }
    }
}
