package io.hallq.controller.config;

import java.time.ZoneId;

/** Identity of the hall: {@code id} is the MQTT topic segment, so it is restricted to [a-z0-9-]. */
public record HallInfo(String id, String nameZh, String nameEn, ZoneId zone) {

    public HallInfo {
        ConfigChecks.given(id, "HallInfo", "id");
        ConfigChecks.given(nameZh, "HallInfo " + id, "nameZh");
        ConfigChecks.given(nameEn, "HallInfo " + id, "nameEn");
        ConfigChecks.given(zone, "HallInfo " + id, "zone");
    }
}
