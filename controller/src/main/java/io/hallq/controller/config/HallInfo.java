package io.hallq.controller.config;

import java.time.ZoneId;

/** Identity of the hall: {@code id} is the MQTT topic segment, so it is restricted to [a-z0-9-]. */
public record HallInfo(String id, String nameZh, String nameEn, ZoneId zone) {}
