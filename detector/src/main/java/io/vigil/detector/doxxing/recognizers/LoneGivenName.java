package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Her given name written alone next to her school, workplace or place: "kimdir bu? Nərmin, BDUda …", "сестра Димы,
 * Соня, учится в школе № 57", "это Полина из гимназии № 1543". Only asked for in a message about a third person that
 * already names another quasi-identifier, so a lone capitalised word turns one clue into two only where the message
 * is about someone. A capitalised word counts when it stands apart as a name does: set off by a comma, or followed by
 * "from"/"of" ("Полина из", "Achieng wa"), or after "this is" ("это Полина"); and not where a sentence merely begins
 * ("Bueno, …"), unless the sentence before asked who she is ("who is she? Nərmin, …").
 */
final class LoneGivenName {

    /** One capitalised word of three to fifteen letters, the rest in lower case: a given name, never initials. */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}@#_.])(\\p{Lu}\\p{Ll}{2,14})(?![\\p{L}\\p{N}@_])");
    /** Words after a name that say where she is from or whose she is ("Полина из", "Achieng wa", "Inês do"). */
    private static final Set<String> FROM_WORDS = Set.of("from", "of", "de", "del", "di", "della", "da", "do", "du",
            "aus", "von", "из", "iz", "с", "wa", "ya", "dari");
    /** "This is" before a name, in the twelve languages' commonest forms. */
    private static final Set<String> THIS_IS = Set.of("это", "eto", "ni", "is", "es", "è", "é", "est", "ist", "bu",
            "ini", "dis", "c'est", "this");

    private LoneGivenName() {
    }

    static List<int[]> find(ScanContext ctx) {
        String text = ctx.text();
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            if (insideCue(ctx, s, e)) {
                continue;
            }
            boolean sentenceStart = sentenceStart(text, s);
            boolean afterQuestion = sentenceStart && previousSentenceAsks(text, s);
            boolean setOff = nextChar(text, e) == ',' || FROM_WORDS.contains(nextWord(text, e))
                    || THIS_IS.contains(previousWord(text, s));
            if (setOff && (!sentenceStart || afterQuestion)) {
                spans.add(new int[]{s, e});
            }
        }
        return spans;
    }

    private static boolean insideCue(ScanContext ctx, int s, int e) {
        for (PhraseHit h : ctx.hits()) {
            if (h.start() < e && s < h.end()) {
                return true;
            }
        }
        return false;
    }

    /** Nothing but spaces since the start of the text or a sentence's end (. ! ? or a new line). */
    private static boolean sentenceStart(String text, int s) {
        int i = s - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean previousSentenceAsks(String text, int s) {
        int i = s - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '?';
    }

    private static char nextChar(String text, int e) {
        return e < text.length() ? text.charAt(e) : '\0';
    }

    private static String nextWord(String text, int e) {
        int i = e;
        if (i >= text.length() || text.charAt(i) != ' ') {
            return "";
        }
        i++;
        int j = i;
        while (j < text.length() && Character.isLetter(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j).toLowerCase(java.util.Locale.ROOT);
    }

    private static String previousWord(String text, int s) {
        int j = s - 1;
        if (j < 0 || text.charAt(j) != ' ') {
            return "";
        }
        int i = j;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')) {
            i--;
        }
        return text.substring(i, j).toLowerCase(java.util.Locale.ROOT);
    }
}
