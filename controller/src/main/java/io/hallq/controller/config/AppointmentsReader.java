package io.hallq.controller.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional {@code appointments} section (docs/configuration.md). Left out, appointments are off. Every
 * problem names the file, the key and what was expected.
 */
final class AppointmentsReader {

    static final String SECTION = "appointments";

    private static final ConfigScalar<Double> SHARE =
            ConfigScalar.NUMBER.where(d -> d >= 0 && d <= 1, "a share from 0 to 1 (0.3 = 30% of the counters)");
    private static final ConfigScalar<Duration> SLOT = ConfigScalar.DURATION.where(
            d -> !d.isNegative() && d.toSeconds() % 60 == 0 && d.toMinutes() >= 5 && d.toMinutes() <= 60
                    && 60 % d.toMinutes() == 0,
            "whole minutes from 5 to 60 that divide an hour (5m, 10m, 15m, 20m, 30m, 60m)");
    private static final ConfigScalar<Duration> WINDOW = ConfigScalar.DURATION.where(
            d -> !d.isNegative() && d.compareTo(Duration.ofHours(2)) <= 0, "a duration from 0 to 2h");
    private static final ConfigScalar<Duration> HEAD_START = ConfigScalar.DURATION.where(
            d -> !d.isNegative() && d.compareTo(AppointmentsConfig.MAX_HEAD_START) <= 0,
            "a duration from 0 to " + AppointmentsConfig.MAX_HEAD_START.toMinutes() + "m");
    private static final ConfigScalar<Duration> HOLD = ConfigScalar.DURATION.where(
            d -> d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(Duration.ofHours(12)) <= 0,
            "a duration from 1m to 12h");

    private AppointmentsReader() {}

    static AppointmentsConfig read(ConfigNode root, List<ServiceConfig> services) {
        ConfigNode n = root.key(SECTION).mapping("enabled", "remoteTickets", "services", "share", "slotLength",
                "checkInBefore", "checkInAfter", "headStart", "remoteHoldLimit", "bookAheadDays",
                "maxPerPhonePerDay");
        AppointmentsConfig d = AppointmentsConfig.OFF;
        if (!n.isGiven()) {
            return d;
        }
        boolean enabled = n.key("enabled").get(ConfigScalar.BOOLEAN, false);
        boolean remote = n.key("remoteTickets").get(ConfigScalar.BOOLEAN, enabled);
        List<String> codes = new ArrayList<>();
        if (n.key("services").isGiven()) {
            for (ConfigNode s : n.key("services").list("service codes")) {
                s.required(ConfigScalar.NAME).ifPresent(code -> {
                    var svc = services.stream().filter(x -> x.code().equals(code)).findFirst();
                    if (svc.isEmpty()) {
                        s.error("expected one of the services (" + String.join(", ",
                                services.stream().map(ServiceConfig::code).toList()) + "), got '" + code + "'");
                    } else if (svc.get().directQueue()) {
                        s.error("expected a service that is called; " + code + " is a direct queue");
                    } else if (codes.contains(code)) {
                        s.error("expected each service once; " + code + " is named twice");
                    } else {
                        codes.add(code);
                    }
                });
            }
        } else {
            services.stream().filter(s -> !s.directQueue()).map(ServiceConfig::code).forEach(codes::add);
        }
        return new AppointmentsConfig(enabled, remote, codes,
                n.key("share").get(SHARE, d.share()),
                n.key("slotLength").get(SLOT, d.slotLength()),
                n.key("checkInBefore").get(WINDOW, d.checkInBefore()),
                n.key("checkInAfter").get(WINDOW, d.checkInAfter()),
                n.key("headStart").get(HEAD_START, d.headStart()),
                n.key("remoteHoldLimit").get(HOLD, d.remoteHoldLimit()),
                n.key("bookAheadDays").get(ConfigScalar.integer(0, 60), d.bookAheadDays()),
                n.key("maxPerPhonePerDay").get(ConfigScalar.integer(1, 10), d.maxPerPhonePerDay()));
    }
}
