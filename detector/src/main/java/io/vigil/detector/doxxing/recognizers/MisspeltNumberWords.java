package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.Lexicon;
import io.vigil.detector.doxxing.lexicon.Phrase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Number words written with one typo ("sevn", "fuor", "sixx", "восем"): a word within one edit (insertion,
 * deletion, substitution or swap of neighbours) of exactly one value among the lexicon's number words; or spelt as
 * it sounds, the way chats spell ("sinko", "kuatro", "zeis", "devjat"): a word with the same {@link #skeleton} as
 * number words of exactly one value. Only words of
 * {@link #MIN_LENGTH} letters or more are read as typos, and a word of just that length only as a longer number word
 * missing a letter: shorter ones are one edit away from too many everyday words ("sex", "for"). The
 * reader asks only about a word that lies between two parts of a number, so the check runs rarely and on short words.
 */
final class MisspeltNumberWords {

    /** Shortest word read as a typo; a word this short is read only as a number word missing a letter ("fiv"). */
    static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 14;
    static final int NO_MATCH = -1;

    /** Shortest word read by its sound: shorter skeletons collide with everyday words. */
    private static final int MIN_SOUND_LENGTH = 4;
    /** A skeleton shared by number words of different values: it tells nothing. */
    private static final int AMBIGUOUS = -2;

    /** Folded number words by length, each with its value. */
    private final Map<Integer, List<Phrase>> byLength = new HashMap<>();
    /** Skeletons of the number words, keyed by language and skeleton, and by skeleton alone (key "\0skeleton"). */
    private final Map<String, Integer> bySound = new HashMap<>();
    /** The number words themselves, keyed by language and folded text. */
    private final Map<String, Integer> spelledRight = new HashMap<>();

    MisspeltNumberWords(Lexicon lexicon) {
        for (Phrase p : lexicon.phrases()) {
            if (p.kind() == CueKind.NUMBER_WORD && p.text().length() >= MIN_LENGTH
                    && p.text().chars().allMatch(Character::isLetter)) {
                byLength.computeIfAbsent(p.text().length(), k -> new ArrayList<>()).add(p);
                spelledRight.put(p.language() + "\0" + p.text(), p.value());
                String sound = skeleton(p.text());
                bySound.merge(p.language() + "\0" + sound, p.value(), (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                bySound.merge("\0" + sound, p.value(), (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
    }

    /**
     * The value of the one number word {@code folded} is a misspelling of, or {@link #NO_MATCH}; only number words of
     * {@code language} count when it is not null.
     */
    int valueOf(String folded, String language) {
        int length = folded.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return NO_MATCH;
        }
        int value = NO_MATCH;
        for (int l = length == MIN_LENGTH ? length + 1 : length - 1; l <= length + 1; l++) {
            for (Phrase p : byLength.getOrDefault(l, List.of())) {
                if (p.text().equals(folded)) {
                    return NO_MATCH; // a word spelt right is the lexicon's business, not a typo
                }
                if ((language == null || language.equals(p.language())) && withinOneEdit(folded, p.text())) {
                    if (value != NO_MATCH && value != p.value()) {
                        return NO_MATCH; // one edit from two different numbers: no way to tell which
                    }
                    value = p.value();
                }
            }
        }
        if (value == NO_MATCH && length >= MIN_SOUND_LENGTH) {
            Integer sound = bySound.get((language == null ? "" : language) + "\0" + skeleton(folded));
            value = sound == null || sound == AMBIGUOUS ? NO_MATCH : sound;
        }
        return value;
    }

    /**
     * How a folded word sounds, in the letters chat writers swap for one another in the languages read here: c before
     * e and i is s, other c, q and k are k; z and x are s ("soissante"); v and w are b (Spanish and Russian
     * transliteration); y and j are i ("devjat", "devyat"); h is silent; a doubled letter counts once ("kuattro").
     */
    static String skeleton(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            char next = i + 1 < folded.length() ? folded.charAt(i + 1) : ' ';
            char sound = switch (c) {
                case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
                case 'q' -> 'k';
                case 'z', 'x' -> 's';
                case 'v', 'w' -> 'b';
                case 'y', 'j' -> 'i';
                case 'h' -> 0;
                default -> c;
            };
            if (sound != 0 && (out.length() == 0 || out.charAt(out.length() - 1) != sound)) {
                out.append(sound);
            }
        }
        return out.toString();
    }

    /** The value of a number word of {@code language} spelt right (folded), or {@link #NO_MATCH}. */
    int spelledRightValue(String folded, String language) {
        return spelledRight.getOrDefault(language + "\0" + folded, NO_MATCH);
    }

    /** Optimal-string-alignment distance at most one, in time linear in the words' length. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (i == a.length()) {
                return true;
            }
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true; // one substitution
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)); // neighbours swapped
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i)); // one insertion or deletion
    }
}
