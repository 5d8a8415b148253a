package io.hallq.controller.voice;

/** An audio output failed while playing; the announcer turns it into a device alarm. */
public class AudioSinkException extends RuntimeException {

    public AudioSinkException(String message) {
        super(message);
    }

    public AudioSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
