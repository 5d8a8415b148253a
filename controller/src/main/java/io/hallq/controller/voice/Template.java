package io.hallq.controller.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One language's wording of one event, e.g. {@code "{chime} 请 {ticket} 号 到 {counter} 号窗口办理"}.
 *
 * <p>Syntax: {@code {name}} is a placeholder ({@link Placeholder}); every run of text between placeholders is one
 * phrase and is spoken by the clip recorded for that phrase. Phrases are matched ignoring whitespace,
 * punctuation and letter case, so "号 到", "号到" and "号到，" all name the same clip, and ", please go to counter"
 * matches "please go to counter". A run that is only whitespace or punctuation is no phrase. There is no escape
 * for braces.
 */
public record Template(String source, List<Token> tokens) {

    public Template {
        tokens = List.copyOf(tokens);
    }

    /** A piece of a template. */
    public sealed interface Token {
    }

    /** A placeholder such as {@code {ticket}}. */
    public record Slot(Placeholder placeholder) implements Token {
    }

    /** Literal text spoken by one pre-recorded phrase clip; {@code key} is what clip lookup compares. */
    public record Phrase(String text, String key) implements Token {
    }

    /** A parsed template, or the reasons it could not be parsed. */
    public record Parsed(Template template, List<String> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The phrases of this template, in order. */
    public List<Phrase> phrases() {
        return tokens.stream().filter(Phrase.class::isInstance).map(Phrase.class::cast).toList();
    }

    /** Parses {@code source} for {@code event}; every error is returned, none thrown. */
    public static Parsed parse(String source, VoiceEvent event) {
        if (source == null || source.isBlank()) {
            return new Parsed(null, List.of("empty template"));
        }
        List<Token> tokens = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{') {
                i = placeholder(source, i, event, text, tokens, errors);
            } else {
                if (c == '}') {
                    errors.add("unmatched '}' at position " + i);
                } else {
                    text.append(c);
                }
                i++;
            }
        }
        flushPhrase(text, tokens);
        if (tokens.isEmpty() && errors.isEmpty()) {
            errors.add("template says nothing");
        }
        return errors.isEmpty() ? new Parsed(new Template(source, tokens), errors) : new Parsed(null, errors);
    }

    /** Handles the '{' at {@code open}; returns where parsing goes on. */
    private static int placeholder(String source, int open, VoiceEvent event, StringBuilder text, List<Token> tokens,
                                   List<String> errors) {
        int close = source.indexOf('}', open);
        int nextOpen = source.indexOf('{', open + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            errors.add("unclosed '{' at position " + open);
            return open + 1;
        }
        flushPhrase(text, tokens);
        slot(source.substring(open + 1, close), event, tokens, errors);
        return close + 1;
    }

    private static void slot(String name, VoiceEvent event, List<Token> tokens, List<String> errors) {
        Placeholder p = Placeholder.ofName(name.strip().toLowerCase(Locale.ROOT));
        if (p == null) {
            errors.add("unknown token '{" + name + "}' (known: " + known(event) + ")");
        } else if (!event.allows(p)) {
            errors.add("token '" + p.token() + "' cannot be used in a " + event.key() + " template (known: "
                    + known(event) + ")");
        } else {
            tokens.add(new Slot(p));
        }
    }

    private static void flushPhrase(StringBuilder text, List<Token> tokens) {
        String phrase = text.toString().strip();
        text.setLength(0);
        String key = phraseKey(phrase);
        if (!key.isEmpty()) {
            tokens.add(new Phrase(phrase, key));
        }
    }

    /** The lookup key of a phrase: its text without whitespace and punctuation, in lower case. */
    public static String phraseKey(String text) {
        StringBuilder key = new StringBuilder();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !isPunctuation(cp))
                .forEach(cp -> key.appendCodePoint(Character.toLowerCase(cp)));
        return key.toString();
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }

    private static String known(VoiceEvent event) {
        return event.placeholders().stream().map(Placeholder::token).collect(Collectors.joining(", "));
    }
}
