package io.hallq.controller.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.protocol.EventCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/** JSON in and out of the web layer, with the protocol's conventions (ISO times, unknown fields tolerated). */
final class Json {

    static final ObjectMapper MAPPER = EventCodec.newMapper();

    /** An error body: {@code error} is a stable code for programs, {@code message} is for people. */
    record Error(String error, String message) {}

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    static void send(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(write(body));
    }

    static void error(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, new Error(code, message));
    }

    /**
     * {@code stage} (the controller's answer) completing on the request's Vert.x context, so the response is
     * written there and not from the controller's thread. Call it from the request's handler.
     */
    static <T> Future<T> onRequestContext(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not on a request's Vert.x context");
        }
        return Future.fromCompletionStage(stage, context);
    }

    /** Answers 503 when the controller could not answer a request (it is closing, or its query failed). */
    static void unavailable(RoutingContext ctx, Throwable failure) {
        error(ctx, 503, "UNAVAILABLE", "the hall could not answer: " + failure.getMessage());
    }

    /** The request body as a JSON object, or null after answering 400 with the reason. */
    static JsonNode body(RoutingContext ctx) {
        Object checked = ctx.get(ApiContract.BODY_KEY);
        if (checked instanceof JsonNode node && node.isObject()) {
            return node;
        }
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            error(ctx, 400, "BAD_REQUEST", "expected a JSON object in the request body");
            return null;
        }
        try {
            JsonNode node = ApiContract.STRICT.readTree(text);
            if (node == null || !node.isObject()) {
                error(ctx, 400, "BAD_REQUEST", "expected a JSON object in the request body");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            error(ctx, 400, "BAD_REQUEST", "the body is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /** A text field, or null when it is absent or not text. */
    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() || !n.isTextual() ? null : n.textValue();
    }
}
