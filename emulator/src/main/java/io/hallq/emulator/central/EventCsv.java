package io.hallq.emulator.central;

import io.hallq.protocol.EventCodec;
import io.hallq.protocol.mqtt.EventMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends events as CSV: hall, seq, eventId, type, at, and the event itself as JSON. */
final class EventCsv implements AutoCloseable {

    static final String HEADER = "hall,seq,eventId,type,at,event";

    private final BufferedWriter out;

    EventCsv(Path file) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                out.write(HEADER);
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void write(EventMessage m) {
        try {
            out.write(String.join(",", m.hall(), Long.toString(m.seq()), m.eventId(),
                    m.event().getClass().getSimpleName(), m.event().at().toString(),
                    quote(new String(EventCodec.encode(m.event()), StandardCharsets.UTF_8))));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV", e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV", e);
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the CSV", e);
        }
    }
}
