package io.hallq.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hallq.protocol.event.HallEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** JSON encoding of {@link HallEvent}s, shared by the journal and the event stream. Thread-safe. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectReader EVENT_READER = MAPPER.readerFor(HallEvent.class);

    private EventCodec() {}

    /** The mapper configured for the protocol: ISO-8601 times, unknown fields tolerated. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("hallq-fast-instant").addDeserializer(Instant.class,
                        new FastInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public static byte[] encode(HallEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event, e);
        }
    }

    /**
     * Decodes one event.
     *
     * @throws MalformedMessageException naming what is wrong when the bytes are not a valid event
     */
    public static HallEvent decode(byte[] json) {
        try {
            return EVENT_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
