package io.hallq.controller.sync;

/** What {@link MqttLink} reports; always called on the owner's executor, never on a Paho thread. */
public interface LinkListener {

    /**
     * Connected; the subscriptions are sent, and a refusal comes later by {@link #subscriptionRefused}.
     * {@code window} is how many QoS 1 publishes may be in flight at once.
     */
    void connected(int window);

    void disconnected(String why);

    /**
     * The broker refused (SUBACK reason code 0x80 or above) or the client failed a subscription of the current
     * session; already logged as an error. Nothing arrives on {@code filter} until the next connect.
     *
     * @param reasonCode the SUBACK reason code (0x87 not authorized, ...), Paho's own code, or -1
     * @param reason     the code and its name, for a person
     */
    void subscriptionRefused(String filter, int reasonCode, String reason);

    /** The broker granted a subscription of the current session. */
    default void subscriptionGranted(String filter) { }

    void message(Inbound message);
}
