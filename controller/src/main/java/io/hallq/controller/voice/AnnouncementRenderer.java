package io.hallq.controller.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays an announcement out as clips and silences: for each repetition, each configured language in order, the
 * language's template for the event with every token turned into clips. Silences: {@code gap} between two clips,
 * {@code pause} for {@code {pause}}, between languages and between pre-called tickets, {@code repeatGap} between
 * repetitions. Rendering is pure and cheap (no audio is copied).
 */
public final class AnnouncementRenderer {

    private final VoiceConfig config;
    private final ClipSet clips;
    private final int gap;
    private final int pause;
    private final int repeatGap;

    public AnnouncementRenderer(VoiceConfig config, ClipSet clips) {
        this.config = config;
        this.clips = clips;
        this.gap = clips.format().frames(config.gap());
        this.pause = clips.format().frames(config.pause());
        this.repeatGap = clips.format().frames(config.repeatGap());
    }

    public Rendering render(Announcement announcement) {
        Layout layout = new Layout();
        for (int r = 0; r < config.repeat(); r++) {
            if (r > 0) {
                layout.silence(repeatGap);
            }
            for (int i = 0; i < config.languages().size(); i++) {
                if (i > 0) {
                    layout.silence(pause);
                }
                String language = config.languages().get(i);
                speak(language, config.template(language, announcement.event()), announcement, layout);
            }
        }
        return new Rendering(clips.format(), layout.segments);
    }

    private void speak(String language, Template template, Announcement a, Layout layout) {
        for (Template.Token token : template.tokens()) {
            switch (token) {
                case Template.Phrase p -> layout.clip(clips.phrase(language, p.key()).orElseThrow(
                        () -> new IllegalStateException("no clip for phrase '" + p.text() + "' in " + clips.origin())));
                case Template.Slot(Placeholder placeholder) -> slot(language, placeholder, a, layout);
            }
        }
    }

    private void slot(String language, Placeholder placeholder, Announcement a, Layout layout) {
        switch (placeholder) {
            case CHIME -> layout.clip(clips.chime());
            case PAUSE -> layout.silence(pause);
            case TICKET -> ticket(language, ticketOf(a), layout);
            case COUNTER -> counter(language, counterOf(a), layout);
            case TICKETS -> {
                List<String> tickets = ((Announcement.PreCall) a).ticketNumbers();
                for (int i = 0; i < tickets.size(); i++) {
                    if (i > 0) {
                        layout.silence(pause);
                    }
                    ticket(language, tickets.get(i), layout);
                }
            }
            case SERVICE -> layout.clip(clips.service(language, ((Announcement.ServiceUnavailable) a).serviceCode()));
            case REASON -> layout.clip(clips.reason(language, ((Announcement.ServiceUnavailable) a).reason()));
        }
    }

    /** The prefix letter, then each digit. */
    private void ticket(String language, String number, Layout layout) {
        layout.clip(clips.letter(language, number.charAt(0)));
        digits(language, number.substring(1), layout);
    }

    /** The number's own clip, or digit by digit when the set has none for it. */
    private void counter(String language, int counter, Layout layout) {
        clips.number(language, counter).ifPresentOrElse(layout::clip,
                () -> digits(language, Integer.toString(counter), layout));
    }

    private void digits(String language, String digits, Layout layout) {
        digits.chars().forEach(c -> layout.clip(clips.digit(language, c - '0')));
    }

    private static String ticketOf(Announcement a) {
        return switch (a) {
            case Announcement.Call c -> c.ticketNumber();
            case Announcement.Recall r -> r.ticketNumber();
            default -> throw new IllegalStateException("{ticket} in a template of " + a.event());
        };
    }

    private static int counterOf(Announcement a) {
        return switch (a) {
            case Announcement.Call c -> c.counter();
            case Announcement.Recall r -> r.counter();
            default -> throw new IllegalStateException("{counter} in a template of " + a.event());
        };
    }

    /** Collects segments, putting the gap between two clips in a row. */
    private final class Layout {
        private final List<Rendering.Segment> segments = new ArrayList<>();
        private boolean afterClip;

        void clip(Clip clip) {
            if (afterClip && gap > 0) {
                segments.add(new Rendering.Silence(gap));
            }
            segments.add(new Rendering.ClipSegment(clip));
            afterClip = true;
        }

        void silence(int length) {
            if (length > 0) {
                segments.add(new Rendering.Silence(length));
            }
            afterClip = false;
        }
    }
}
