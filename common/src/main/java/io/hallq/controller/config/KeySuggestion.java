package io.hallq.controller.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Guesses which known key a misspelt one was meant to be, so "handlingTme" points at "handlingTime". */
final class KeySuggestion {

    private KeySuggestion() {}

    static Optional<String> closest(String key, List<String> known) {
        return known.stream()
                .filter(k -> k.equalsIgnoreCase(key) || distance(k, key) <= allowedEdits(key))
                .min(Comparator.comparingInt(k -> k.equalsIgnoreCase(key) ? -1 : distance(k, key)));
    }

    private static int allowedEdits(String key) {
        // a few edits turn any very short key into another one, which would make silly guesses
        return key.length() <= 3 ? 1 : key.length() <= 8 ? 2 : 3;
    }

    /** Levenshtein distance; keys are short, so the plain two-row table is plenty. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
