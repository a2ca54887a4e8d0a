package io.vigil.detector.doxxing.recognizers;

import java.util.Arrays;
import java.util.List;

/**
 * Where in a folded text one of a fixed set of words begins: the positions where a pattern that starts with one of
 * them can match at all. A table by first char makes the common case (no word starts here) one array read per char.
 */
final class LabelStarts {

    /** Per first char, the words starting with it; null for a char no word starts with. */
    private final String[][] byFirstChar = new String[Character.MAX_VALUE + 1][];

    LabelStarts(List<String> words) {
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("a label must not be empty");
            }
            String[] same = byFirstChar[w.charAt(0)];
            String[] grown = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = w;
            byFirstChar[w.charAt(0)] = grown;
        }
    }

    /** The first position at or after {@code from} where one of the words begins in {@code text}, or -1. */
    int next(String text, int from) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            String[] candidates = byFirstChar[text.charAt(i)];
            if (candidates != null) {
                for (String w : candidates) {
                    if (text.startsWith(w, i)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
