package io.hallq.controller.config;

import java.util.HashMap;
import java.util.Map;

/** Reports a value already used by an earlier item of the same list, naming that item. */
final class UniqueValues {

    private final String what;
    private final Map<String, String> firstUser = new HashMap<>();

    /** @param what how the value is called in messages, e.g. "prefix" */
    UniqueValues(String what) {
        this.what = what;
    }

    /** @param value the value at {@code at}; an empty one was already reported as missing and is ignored */
    void check(ConfigNode at, ConfigNode item, String value) {
        if (value.isEmpty()) {
            return;
        }
        String earlier = firstUser.putIfAbsent(value, item.path());
        if (earlier != null) {
            at.error("duplicate " + what + " " + ConfigScalar.describe(at.json()) + " (also used by " + earlier + ")");
        }
    }
}
