package io.hallq.protocol;

/** A message that is not valid JSON or misses, or mistypes, a field. The message names the problem. */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
