package io.hallq.controller.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link HallConfig} as hall YAML, for the round-trip property only. With {@code omitDefaults} a key
 * whose value equals its documented default is left out, so the defaults are exercised as well.
 */
final class HallYamlWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final boolean isoDurations;
    private final boolean omitDefaults;

    HallYamlWriter(boolean isoDurations, boolean omitDefaults) {
        this.isoDurations = isoDurations;
        this.omitDefaults = omitDefaults;
    }

    String write(HallConfig c, Path baseDir) {
        ObjectNode root = JSON.objectNode();
        ObjectNode hall = root.putObject("hall").put("id", c.hall().id())
                .put("nameZh", c.hall().nameZh()).put("nameEn", c.hall().nameEn());
        put(hall, "zone", c.hall().zone().getId(), "Asia/Shanghai");
        hours(root.putObject("hours"), c.hours());
        c.services().forEach(s -> service(root.withArray("services").addObject(), s));
        c.classes().forEach(k -> customerClass(root.withArray("classes").addObject(), k));
        c.counters().forEach(k -> counter(root.withArray("counters").addObject(), k));
        settings(root, c, baseDir);
        try {
            return new YAMLMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void hours(ObjectNode n, BusinessHours h) {
        n.put("open", h.open().toString()).put("close", h.close().toString());
        put(n, "dayRollover", h.dayRollover().toString(), "04:00");
        ArrayNode busy = n.putArray("busyPeriods");
        h.busyPeriods().forEach(p -> {
            ObjectNode period = busy.addObject().put("from", p.from().toString()).put("to", p.to().toString());
            if (!omitDefaults || !p.days().equals(List.of(DayOfWeek.values()))) {
                p.days().forEach(d -> period.withArray("days").add(d.name().substring(0, 3)));
            }
        });
    }

    private void service(ObjectNode n, ServiceConfig s) {
        n.put("code", s.code()).put("nameZh", s.nameZh()).put("nameEn", s.nameEn()).put("prefix", s.prefix())
                .put("handlingTime", duration(s.handlingTime()));
        put(n, "numberFrom", s.numberFrom(), 1);
        put(n, "numberTo", s.numberTo(), 999);
        put(n, "enabled", s.enabled(), true);
        put(n, "disabledMessageZh", s.disabledMessageZh(), "暂停办理");
        put(n, "disabledMessageEn", s.disabledMessageEn(), "Temporarily unavailable");
        put(n, "directQueue", s.directQueue(), false);
    }

    private void customerClass(ObjectNode n, CustomerClassConfig c) {
        n.put("code", c.code()).put("nameZh", c.nameZh()).put("nameEn", c.nameEn());
        put(n, "priority", duration(c.priority()), duration(Duration.ZERO));
        put(n, "busyTarget", duration(c.busyTarget()), duration(Duration.ofMinutes(15)));
        put(n, "quietTarget", duration(c.quietTarget()), duration(Duration.ofMinutes(5)));
        put(n, "vipRoom", c.vipRoom(), false);
        put(n, "default", c.isDefault(), false);
    }

    private void counter(ObjectNode n, CounterConfig c) {
        n.put("number", c.number());
        put(n, "nameZh", c.nameZh(), c.number() + "号窗口");
        put(n, "nameEn", c.nameEn(), "Counter " + c.number());
        put(n, "vipRoom", c.vipRoom(), false);
        put(n, "openAtStart", c.openAtStart(), true);
        ArrayNode profile = n.putArray("profile");
        for (ProfileEntry e : c.profile()) {
            ObjectNode entry = profile.addObject().put("service", e.service());
            if (!omitDefaults || !e.classes().isEmpty()) {
                e.classes().forEach(entry.putArray("classes")::add);
            }
            put(entry, "weight", duration(e.weight()), duration(Duration.ZERO));
        }
    }

    private void settings(ObjectNode root, HallConfig c, Path baseDir) {
        ObjectNode alarms = root.putObject("alarms");
        put(alarms, "earlyWarningPerCounter", c.alarms().earlyWarningPerCounter(), 2.0);
        put(alarms, "escalationPerCounter", c.alarms().escalationPerCounter(), 3.0);
        put(alarms, "escalationAfter", duration(c.alarms().escalationAfter()), duration(Duration.ofMinutes(5)));
        put(alarms, "ticketOverdue", c.alarms().ticketOverdue(), true);
        ObjectNode rules = root.putObject("rules");
        put(rules, "recallLimit", c.rules().recallLimit(), 2);
        put(rules, "noShowRequeue", c.rules().noShowRequeue(), true);
        put(rules, "transferMode", c.rules().transferMode().name(), "KEEP_ARRIVAL");
        put(rules, "transferPriority", duration(c.rules().transferPriority()), duration(Duration.ofMinutes(10)));
        put(rules, "vipRoomOverflow", c.rules().vipRoomOverflow(), true);
        put(rules, "estimateWindow", c.rules().estimateWindow(), 20);
        ObjectNode journal = root.putObject("journal");
        put(journal, "dataDir", c.journal().dataDir(), baseDir.resolve("data/" + c.hall().id()).toString());
        put(journal, "retentionDays", c.journal().retentionDays(), 60);
        put(journal, "snapshotEvery", c.journal().snapshotEvery(), 2000);
        AppointmentsConfig a = c.appointments();
        if (!a.equals(AppointmentsConfig.OFF)) {
            ObjectNode n = root.putObject("appointments");
            n.put("enabled", a.enabled()); // given, so that the section is read
            put(n, "remoteTickets", a.remoteTickets(), a.enabled());
            var list = n.putArray("services");
            a.services().forEach(list::add);
            put(n, "share", a.share(), 0.3);
            put(n, "slotLength", duration(a.slotLength()), duration(Duration.ofMinutes(30)));
            put(n, "checkInBefore", duration(a.checkInBefore()), duration(Duration.ofMinutes(15)));
            put(n, "checkInAfter", duration(a.checkInAfter()), duration(Duration.ofMinutes(10)));
            put(n, "headStart", duration(a.headStart()), duration(Duration.ofMinutes(10)));
            put(n, "remoteHoldLimit", duration(a.remoteHoldLimit()), duration(AppointmentsConfig.DEFAULT_REMOTE_HOLD));
            put(n, "bookAheadDays", a.bookAheadDays(), 7);
            put(n, "maxPerPhonePerDay", a.maxPerPhonePerDay(), 1);
        }
    }

    private void put(ObjectNode n, String key, Object value, Object defaultValue) {
        if (omitDefaults && Objects.equals(value, defaultValue)) {
            return;
        }
        switch (value) {
            case String s -> n.put(key, s);
            case Integer i -> n.put(key, i);
            case Double d -> n.put(key, d);
            case Boolean b -> n.put(key, b);
            default -> throw new IllegalArgumentException(key + ": " + value);
        }
    }

    private String duration(Duration d) {
        if (isoDurations) {
            return d.toString();
        }
        long s = d.getSeconds();
        String text = (s >= 3600 ? s / 3600 + "h" : "") + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "")
                + (s % 60 > 0 ? s % 60 + "s" : "");
        return text.isEmpty() ? "0s" : text;
    }
}
