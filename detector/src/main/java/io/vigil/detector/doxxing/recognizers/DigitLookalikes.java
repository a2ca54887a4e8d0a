package io.vigil.detector.doxxing.recognizers;

import java.util.ArrayList;
import java.util.List;

/**
 * Letters written for digits inside a number, as posters do to slip a number past a filter ("5O4-18-3O",
 * "O7 94 12", "1l2"): Latin and Cyrillic O for zero, l and I for one. A run of such letters counts only where it
 * touches a digit or stands as a word of its own next to digits, so "Olivia", "lol" and "Ilia" never become numbers.
 * Digits drawn with other glyphs count as digits written to slip past a filter too: fullwidth and other scripts'
 * digits ("６１２"), circled and dingbat digits ("⑥①②", "❻❶❷"), super- and subscript digits.
 */
final class DigitLookalikes {

    /** A run of digits and look-alike letters, read as digits, and the span of text it covers. */
    record Run(int start, int end, String digits) {
    }

    /** How many separator chars may lie between a lone letter O and the digits it stands among. */
    private static final int LONE_LETTER_REACH = 3;
    /** Per char: the digit a glyph other than an ASCII digit draws, or -1. */
    private static final byte[] GLYPH_DIGITS = glyphDigits();

    private DigitLookalikes() {
    }

    /** Cheap pre-check, linear in the text: whether any look-alike letter lies within reach of an ASCII digit. */
    static boolean anyNextToDigit(String text) {
        int lastDigit = Integer.MIN_VALUE / 2;
        int lastLetter = Integer.MIN_VALUE / 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                lastDigit = i;
                if (i - lastLetter <= LONE_LETTER_REACH + 1) {
                    return true;
                }
            } else if (digitFor(c) >= 0) {
                lastLetter = i;
                if (i - lastDigit <= LONE_LETTER_REACH + 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every word-bounded run of digits and look-alike letters that holds at least one look-alike letter and either a
     * digit ("5O4") or, for a word of letters O alone ("O", "OO"), digits within {@link #LONE_LETTER_REACH} separator
     * chars; a single l or I only between digits. A word of l and I ("lol", "II") is never a number.
     */
    static List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isDigit(c) && digitFor(c) < 0) {
                i++;
                continue;
            }
            int start = i;
            boolean letter = false;
            boolean digit = false;
            boolean onlyZeros = true;
            boolean upperZeros = true;
            boolean weak = false;
            StringBuilder digits = new StringBuilder();
            while (i < text.length() && (isDigit(text.charAt(i)) || digitFor(text.charAt(i)) >= 0)) {
                char d = text.charAt(i);
                boolean glyph = glyphDigit(d) >= 0;
                letter |= !isDigit(d);
                digit |= isDigit(d) || glyph;
                onlyZeros &= digitFor(d) == 0 && !glyph;
                upperZeros &= Character.isUpperCase(d);
                weak |= isWeak(d);
                digits.append(isDigit(d) ? d : (char) ('0' + digitFor(d)));
                i++;
            }
            boolean bounded = (start == 0 || !isWordChar(text.charAt(start - 1)))
                    && (i == text.length() || !isWordChar(text.charAt(i)));
            // A lone lower-case o is "or" in Italian and Spanish and "about" in Russian; a lone upper-case O is a zero.
            boolean amongSeparators = (start == 0 || Separators.isSeparator(text.charAt(start - 1)))
                    && (i == text.length() || Separators.isSeparator(text.charAt(i))); // not "(O=0)"
            boolean lone = !digit && !weak && amongSeparators
                    && (onlyZeros && upperZeros && digitsNearby(text, start, i)
                    || i - start == 1 && digitsOnBothSides(text, start, i));
            if (letter && bounded && (digit || lone)) {
                out.add(new Run(start, i, digits.toString()));
            }
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++; // the rest of a word that merely began with such letters ("Olga", "lo")
            }
        }
        return out;
    }

    /**
     * A lone l or I counts only between digits ("5 8 l 4") or opening the message before digits ("l 5 8 …"): alone
     * it is a pronoun or an article.
     */
    private static boolean digitsOnBothSides(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && start - before <= LONE_LETTER_REACH && Separators.isSeparator(text.charAt(before))) {
            before--;
        }
        int after = end;
        while (after < text.length() && after - end < LONE_LETTER_REACH && Separators.isSeparator(text.charAt(after))) {
            after++;
        }
        boolean digitBefore = before < 0 || isDigit(text.charAt(before)); // or the number opens the message
        return digitBefore && after < text.length() && isDigit(text.charAt(after));
    }

    private static boolean digitsNearby(String text, int start, int end) {
        for (int k = start - 1; k >= Math.max(0, start - LONE_LETTER_REACH - 1); k--) {
            if (isDigit(text.charAt(k))) {
                return true;
            }
            if (!Separators.isSeparator(text.charAt(k))) {
                break; // "O=0" explains a letter; it does not write a digit
            }
        }
        for (int k = end; k < Math.min(text.length(), end + LONE_LETTER_REACH + 1); k++) {
            if (isDigit(text.charAt(k))) {
                return true;
            }
            if (!Separators.isSeparator(text.charAt(k))) {
                break;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The digit a letter or glyph stands for, or -1: O (Latin, Greek or Cyrillic) for 0; l and I for 1; Z for 2;
     * Cyrillic Ze for 3; S for 5; B for 8; see {@link #glyphDigit}.
     */
    static int digitFor(char c) {
        return switch (c) {
            case 'O', 'o', '\u041E', '\u043E', '\u039F', '\u03BF' -> 0;
            case 'l', 'I' -> 1;
            case 'Z' -> 2;
            case '\u0417', '\u0437' -> 3;
            case 'S' -> 5;
            case 'B' -> 8;
            default -> glyphDigit(c);
        };
    }

    /** Letters that stand for a digit only inside a run with a digit ("O7S4l", "9З6"), never alone ("S", "B"). */
    private static boolean isWeak(char c) {
        return c == 'Z' || c == 'S' || c == 'B' || c == '\u0417' || c == '\u0437';
    }

    /** The digit a glyph other than an ASCII digit draws ("６", "⑥", "❻", "⁶"), or -1. */
    static int glyphDigit(char c) {
        return GLYPH_DIGITS[c];
    }

    /** Cheap pre-check, linear in the text: whether any digit is drawn with another glyph than an ASCII digit. */
    static boolean anyGlyph(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GLYPH_DIGITS[text.charAt(i)] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Letters and digits of scripts written with spaces: a number may touch an ideograph ("电话１３８…"). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !io.vigil.detector.doxxing.lexicon.PhraseMatcher.isIdeographic(c);
    }

    private static byte[] glyphDigits() {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            int value = Character.getNumericValue(ch);
            boolean glyph = c >= 0x80 && !Character.isSurrogate(ch) && value >= 0 && value <= 9
                    && (Character.isDigit(ch) || Character.getType(ch) == Character.OTHER_NUMBER);
            table[c] = (byte) (glyph ? value : -1);
        }
        return table;
    }
}
