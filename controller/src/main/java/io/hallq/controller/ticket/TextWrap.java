package io.hallq.controller.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a line of ticket text to the printer's columns, as Chinese and English are set: in the printer's
 * Chinese mode an ASCII character takes one column (12 dots) and any other character two. A line breaks at a
 * space or between two Chinese characters, never inside a number or a Latin word ("11:30-15:00", "1200",
 * "Lujiazui" stay whole); Chinese closing punctuation (",", "。", ")") never starts a line and an opening
 * bracket never ends one. Only a word wider than the whole line is cut, at the last character that fits.
 */
public final class TextWrap {

    private static final String NO_LINE_START = ",。、;:!?)】》」』”’%,.;:!?)";
    private static final String NO_LINE_END = "(【《「『“‘(";

    private TextWrap() {}

    /** Columns the text takes in the printer's Chinese mode at normal width. */
    public static int columns(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += columns(text.charAt(i));
        }
        return n;
    }

    private static int columns(char c) {
        return c < 0x80 ? 1 : 2;
    }

    /** A Latin word or number goes on: the text may not break between these two characters. */
    private static boolean joined(char before, char after) {
        return before < 0x80 && before != ' ' && after < 0x80 && after != ' ';
    }

    /** Whether a line may end after {@code text.charAt(i - 1)} and the next start at {@code text.charAt(i)}. */
    private static boolean breakBefore(String text, int i) {
        char before = text.charAt(i - 1);
        char after = text.charAt(i);
        if (after == ' ' || before == ' ') {
            return NO_LINE_START.indexOf(after) < 0;
        }
        return !joined(before, after) && NO_LINE_START.indexOf(after) < 0 && NO_LINE_END.indexOf(before) < 0;
    }

    /**
     * The text in lines of at most {@code maxColumns} columns; spaces at a break are dropped. Empty text is one
     * empty line.
     */
    public static List<String> lines(String text, int maxColumns) {
        if (maxColumns < 2) {
            throw new IllegalArgumentException("a line is at least 2 columns, not " + maxColumns);
        }
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (columns(rest) > maxColumns) {
            int fit = 0;
            int used = 0;
            while (used + columns(rest.charAt(fit)) <= maxColumns) {
                used += columns(rest.charAt(fit));
                fit++;
            }
            int cut = fit;
            while (cut > 0 && !breakBefore(rest, cut)) {
                cut--;
            }
            if (cut == 0 || rest.substring(0, cut).isBlank()) {
                cut = fit; // one word wider than the line: it has to be cut
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
