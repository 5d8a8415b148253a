package io.hallq.protocol.mqtt;

import java.util.regex.Pattern;

/**
 * The topic tree, all under the versioned root {@code hallq/v1}. A hall writes only below its own id, which
 * is what the broker ACLs enforce (see deploy/mosquitto). Commands carry the issuer in the topic so the
 * broker, not the payload, vouches for who sent them.
 */
public final class Topics {

    public static final String ROOT = "hallq/v1";
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Topics() {}

    /** True for a hall id, device id or issuer id usable as one topic segment. */
    public static boolean isSegment(String s) {
        return s != null && SEGMENT.matcher(s).matches();
    }

    /** Retained {@link HallOnline}; also the last will. */
    public static String online(String hall) { return hall(hall) + "/online"; }

    /** Retained {@link HallStatus}. */
    public static String status(String hall) { return hall(hall) + "/status"; }

    /** Every journal event as an {@link EventMessage}, QoS 1, in sequence order. */
    public static String events(String hall) { return hall(hall) + "/events"; }

    /** {@link AlarmMessage}s as they are raised and cleared. */
    public static String alarms(String hall) { return hall(hall) + "/alarms"; }

    /** Retained {@link DeviceHealth}, one topic per device. */
    public static String device(String hall, String device) { return hall(hall) + "/devices/" + segment(device); }

    /** Retained {@link DailyStats} of the current business day so far ({@code closed=false}). */
    public static String stats(String hall) { return hall(hall) + "/stats"; }

    /** {@link DailyStats} of each closed business day ({@code closed=true}), once per day, QoS 1, retained last. */
    public static String statsDaily(String hall) { return hall(hall) + "/stats/daily"; }

    /** Retained {@link HallProfile}: the busy/idle profile of the last weeks, republished daily. */
    public static String profile(String hall) { return hall(hall) + "/profile"; }

    /** Retained {@link HallBoard}: what the hall board shows, for a board running on a Pi of its own. */
    public static String board(String hall) { return hall(hall) + "/board"; }

    /** Where a hall asks central for a phone's customer class ({@link PhoneLookupRequest}); central reads it. */
    public static String lookupRequest(String hall) { return hall(hall) + "/lookup/request"; }

    /** Where central answers a hall's lookups ({@link PhoneLookupReply}); only central writes it. */
    public static String lookupReply(String hall) { return hall(hall) + "/lookup/reply"; }

    /** Where {@code issuer} sends a {@link CommandRequest} to {@code hall}. */
    public static String command(String hall, String issuer) { return hall(hall) + "/cmd/" + segment(issuer); }

    /** The filter a hall subscribes to for commands from every issuer. */
    public static String commandFilter(String hall) { return hall(hall) + "/cmd/+"; }

    /**
     * The one response topic a hall answers {@code issuer}'s commands on: under the hall's own tree, so the broker
     * ACL lets a hall write only its own answers ({@code pattern write hallq/v1/%u/reply/+}) and no login writes
     * another's. The hall refuses a command whose MQTT 5 response topic is anything else (BAD_RESPONSE_TOPIC).
     */
    public static String reply(String hall, String issuer) { return hall(hall) + "/reply/" + segment(issuer); }

    /** What {@code issuer} subscribes to for the answers of every hall. */
    public static String replyFilter(String issuer) { return ROOT + "/+/reply/" + segment(issuer); }

    /**
     * The response topic of contract versions before issue #12. Halls no longer answer on it (any login could
     * write there); kept for issuers' code that still names it.
     */
    @Deprecated
    public static String replies(String issuer) { return ROOT + "/reply/" + segment(issuer); }

    /** Filter for one kind of topic in every hall, e.g. {@code allHalls("status")}. */
    public static String allHalls(String leaf) { return ROOT + "/+/" + leaf; }

    /** MQTT 5 shared subscription: the broker gives each message to one member of {@code group}. */
    public static String shared(String group, String filter) { return "$share/" + segment(group) + "/" + filter; }

    /** The hall id of a topic under the root, or null when it is not one of ours. */
    public static String hallOf(String topic) {
        if (!topic.startsWith(ROOT + "/")) {
            return null;
        }
        String rest = topic.substring(ROOT.length() + 1);
        int slash = rest.indexOf('/');
        return slash > 0 ? rest.substring(0, slash) : null;
    }

    /** The last segment of a topic: the issuer of a command topic, the device of a device topic. */
    public static String lastSegment(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    private static String hall(String hall) {
        return ROOT + "/" + segment(hall);
    }

    private static String segment(String s) {
        if (!isSegment(s)) {
            throw new IllegalArgumentException("not a topic segment (a-z, 0-9, '-'): " + s);
        }
        return s;
    }
}
