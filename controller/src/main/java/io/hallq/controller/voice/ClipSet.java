package io.hallq.controller.voice;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded and validated clip set: every clip the configured templates can need, all in one {@link PcmFormat}.
 * Made by {@link ClipSetLoader}; immutable and safe to share between threads.
 *
 * <p>File layout (names relative to the set): {@code chime.wav}, and per language {@code <lang>/letter-A.wav}
 * .. {@code letter-Z}, {@code digit-0} .. {@code digit-9}, {@code number-1} .. {@code number-N},
 * {@code reason-<reason>.wav}, plus the phrase and service files listed in {@code manifest.yaml}.
 */
public final class ClipSet {

    private final String origin;
    private final PcmFormat format;
    private final int numbers;
    private final Map<String, Clip> files;
    private final Map<String, Map<String, String>> phrases;
    private final Map<String, Map<String, String>> services;

    ClipSet(String origin, PcmFormat format, int numbers, Map<String, Clip> files,
            Map<String, Map<String, String>> phrases, Map<String, Map<String, String>> services) {
        this.origin = origin;
        this.format = format;
        this.numbers = numbers;
        this.files = Map.copyOf(files);
        this.phrases = Map.copyOf(phrases);
        this.services = Map.copyOf(services);
    }

    /** Where the set was loaded from. */
    public String origin() {
        return origin;
    }

    public PcmFormat format() {
        return format;
    }

    /** Counter numbers 1..this have a clip of their own. */
    public int numbers() {
        return numbers;
    }

    public Collection<Clip> clips() {
        return List.copyOf(files.values());
    }

    /** A clip by its file name, e.g. "zh/digit-0.wav". */
    public Optional<Clip> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public Clip chime() {
        return required("chime.wav");
    }

    public Clip letter(String language, char letter) {
        return required(language + "/letter-" + letter + ".wav");
    }

    public Clip digit(String language, int digit) {
        return required(language + "/digit-" + digit + ".wav");
    }

    /** The clip of a whole number, when the set has one for it. */
    public Optional<Clip> number(String language, int number) {
        return number >= 1 && number <= numbers ? file(language + "/number-" + number + ".wav") : Optional.empty();
    }

    /** The clip of a phrase, looked up by {@link Template.Phrase#key()}. */
    public Optional<Clip> phrase(String language, String key) {
        String name = phrases.getOrDefault(language, Map.of()).get(key);
        return name == null ? Optional.empty() : file(name);
    }

    /** The service's own clip, or the set's generic "this service" clip. */
    public Clip service(String language, String serviceCode) {
        Map<String, String> perCode = services.getOrDefault(language, Map.of());
        String name = perCode.getOrDefault(serviceCode, perCode.get(ClipSetLoader.GENERIC_SERVICE));
        return required(name);
    }

    public Clip reason(String language, Announcement.Reason reason) {
        return required(language + "/" + reason.clipFile());
    }

    private Clip required(String name) {
        Clip clip = name == null ? null : files.get(name);
        if (clip == null) {
            throw new IllegalStateException("clip set " + origin + " has no " + name
                    + " (it was not validated for this language)");
        }
        return clip;
    }
}
