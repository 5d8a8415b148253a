package io.hallq.controller.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hall's {@code voice:} section, read by {@link VoiceConfigReader}. See docs/voice.md for every key.
 *
 * @param enabled          false: announcements are accepted and dropped
 * @param languages        spoken in this order within each repetition, e.g. [zh, en]
 * @param templates        per language, per event; every language of {@code languages} has all four events
 * @param repeat           how many times each announcement is said (1..5)
 * @param recallJumpsQueue a recall is played before queued plain announcements (never cutting one off)
 * @param warmUp           wait between switching the amplifier on and the first audio frame
 * @param gap              silence between two clips
 * @param pause            silence of {@code {pause}}, between two languages and between pre-called tickets
 * @param repeatGap        silence between two repetitions
 * @param volume           the volume outside quiet hours, 0.0..1.0
 * @param quietHours       first matching window wins
 * @param clipDirectory    a hall's own recorded voice; empty: the shipped clip set
 * @param maxQueued        announcements waiting beyond this are dropped (and reported)
 */
public record VoiceConfig(
        boolean enabled,
        List<String> languages,
        Map<String, Map<VoiceEvent, Template>> templates,
        int repeat,
        boolean recallJumpsQueue,
        Duration warmUp,
        Duration gap,
        Duration pause,
        Duration repeatGap,
        double volume,
        List<QuietHours> quietHours,
        Optional<Path> clipDirectory,
        int maxQueued) {

    /** The shipped wording; a hall overrides single events per language. */
    public static final Map<String, Map<VoiceEvent, String>> DEFAULT_TEMPLATES = Map.of(
            "zh", Map.of(
                    VoiceEvent.CALL, "{chime} 请 {ticket} 号 到 {counter} 号窗口办理",
                    VoiceEvent.RECALL, "{chime} 再次呼叫 {pause} 请 {ticket} 号 到 {counter} 号窗口办理",
                    VoiceEvent.PRECALL, "{chime} 请 {tickets} 号 做好准备",
                    VoiceEvent.UNAVAILABLE, "{chime} 各位顾客 {service} {reason} {pause} 敬请谅解"),
            "en", Map.of(
                    VoiceEvent.CALL, "Number {ticket}, please go to counter {counter}",
                    VoiceEvent.RECALL, "Calling again {pause} number {ticket}, please go to counter {counter}",
                    VoiceEvent.PRECALL, "Numbers {tickets}, please get ready",
                    VoiceEvent.UNAVAILABLE,
                    "Dear customers, {service} {reason}. {pause} We apologise for the inconvenience."));

    public VoiceConfig {
        languages = List.copyOf(languages);
        templates = copy(templates);
        quietHours = List.copyOf(quietHours);
        Objects.requireNonNull(clipDirectory, "clipDirectory");
        for (String language : languages) {
            Map<VoiceEvent, Template> perEvent = templates.get(language);
            if (perEvent == null || perEvent.size() != VoiceEvent.values().length) {
                throw new IllegalArgumentException("language '" + language + "' lacks templates");
            }
        }
    }

    /** Every default: Mandarin then English, said twice, the shipped clip set. */
    public static VoiceConfig defaults() {
        return new VoiceConfig(true, List.of("zh", "en"), defaultTemplates(), 2, true, Duration.ofMillis(300),
                Duration.ofMillis(80), Duration.ofMillis(400), Duration.ofMillis(800), 1.0, List.of(),
                Optional.empty(), 50);
    }

    /** The parsed {@link #DEFAULT_TEMPLATES}. */
    public static Map<String, Map<VoiceEvent, Template>> defaultTemplates() {
        Map<String, Map<VoiceEvent, Template>> all = new LinkedHashMap<>();
        DEFAULT_TEMPLATES.forEach((language, sources) -> {
            Map<VoiceEvent, Template> perEvent = new EnumMap<>(VoiceEvent.class);
            sources.forEach((event, source) -> perEvent.put(event, Template.parse(source, event).template()));
            all.put(language, perEvent);
        });
        return all;
    }

    public Template template(String language, VoiceEvent event) {
        return templates.get(language).get(event);
    }

    /** The volume at a time of day: the first quiet-hours window containing it, else {@link #volume}. */
    public double volumeAt(LocalTime time) {
        return quietHours.stream().filter(q -> q.contains(time)).findFirst().map(QuietHours::volume).orElse(volume);
    }

    private static Map<String, Map<VoiceEvent, Template>> copy(Map<String, Map<VoiceEvent, Template>> templates) {
        Map<String, Map<VoiceEvent, Template>> copy = new LinkedHashMap<>();
        templates.forEach((language, perEvent) -> copy.put(language, Map.copyOf(perEvent)));
        return Map.copyOf(copy);
    }
}
