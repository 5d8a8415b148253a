package io.hallq.controller.hall;

import io.hallq.protocol.event.HallEvent;

/** An event with the journal sequence number it was made durable under. */
public record JournaledEvent(long sequence, HallEvent event) {}
