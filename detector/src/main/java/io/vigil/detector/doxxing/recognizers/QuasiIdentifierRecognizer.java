package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;
import io.vigil.detector.doxxing.lexicon.PhraseMatcher;
import io.vigil.detector.doxxing.lexicon.TextFolding;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Quasi-identifiers: a person's name, her place of study, her workplace, her neighbourhood or the places of her
 * routine. Each is found from the cue words of the lexicon's languages: an introducing phrase ("her name is",
 * "estudia en", "arbeitet bei", "vive en el barrio de") followed by a proper name, or a noun that heads the name of a
 * place of study ("Universidad Complutense", "Leeds University", "IES Juan de Mairena", "北京大学"). A proper name is
 * a run of capitalised words with the connectors names use ("de", "of", "van"), or a run of ideographs; articles
 * after the introducing phrase are skipped ("trabaja en el Mercadona"). Whether such data exposes anyone is the
 * scorer's decision: a shop naming itself is an organisation, not an exposure.
 */
public final class QuasiIdentifierRecognizer implements Recognizer {

    /** Words a proper name may contain in lower case between its capitalised words. */
    private static final Set<String> CONNECTORS = Set.of("de", "del", "della", "di", "da", "do", "dos", "das", "du",
            "des", "la", "le", "of", "the", "van", "von", "der", "y", "i", "e", "and", "&", "d'", "l'", "st", "st.", "no",
            "nº", "n.", "№", "bin", "binti", "wa", "ya", "na");
    /** Articles and prepositions between an introducing phrase and the name ("works at the", "trabaja en el"). */
    private static final Set<String> LEAD_WORDS = Set.of(
            "the", "a", "an", "at", "in", "el", "la", "los", "las", "al", "del", "en", "un", "una", "il", "lo", "i",
            "gli", "alla", "allo", "nel", "nella", "o", "os", "as", "no", "na", "do", "da", "um", "uma", "le", "les",
            "l'", "au", "aux", "chez", "du", "à", "im", "der", "die", "das", "dem", "den", "bei", "beim", "am", "в",
            "во", "на", "di", "ke", "kat", "pale", "katika", "kwa", "als");
    /** Function words that never begin or continue a name written in lower case ("nombre completo por privado"). */
    private static final Set<String> FUNCTION_WORDS = Set.of("por", "para", "con", "sin", "que", "and", "with", "from",
            "for", "is", "es", "e", "et", "und", "per", "pra", "pour", "mit", "von", "aus", "и", "из", "dari", "na", "ya",
            "ni", "və", "ve", "y", "o", "or", "ou", "oder", "privado", "private", "dm", "md", "pv", "inbox", "lol", "jaja",
            "haha", "kkk", "si", "no", "not", "pas", "nicht", "не", "tak", "hapana");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\p{Punct}\\s]+");
    private static final int MAX_WORDS = 6;
    private static final int MAX_CJK_NAME = 4;
    private static final int MAX_IDEOGRAPHS = 12;
    /** Ideographs that end a Chinese name after an introducing phrase: verbs and particles of the sentence. */
    private static final String CJK_STOPS = "的了，。！？、：:；工作上班读上学住在和跟是她他也都就";
    private static final int INTRO_WINDOW = 3;

    /** A message that opens with a name and a colon announces who is speaking: "Tallers Rius: canvi d'oli …". */
    private static final java.util.regex.Pattern SELF_ANNOUNCED = java.util.regex.Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{L}'’&.-]*(?:\\s+(?:&|de|del|di|da|do|du|von|van|\\p{Lu}[\\p{L}'’&.-]*)){1,4})\\s*:\\s");

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        java.util.regex.Matcher announced = SELF_ANNOUNCED.matcher(ctx.text());
        if (announced.lookingAt()) {
            BitSet none = new BitSet();
            add(ctx, out, none, EntityType.ORGANISATION, new int[]{announced.start(1), announced.end(1)}, 0.6);
        }
        if (!(ctx.has(CueKind.NAME_INTRO) || ctx.has(CueKind.SCHOOL_INTRO) || ctx.has(CueKind.SCHOOL_NOUN)
                || ctx.has(CueKind.WORK_INTRO) || ctx.has(CueKind.PLACE_INTRO))) {
            return;
        }
        String text = ctx.text();
        BitSet claimed = new BitSet(text.length());
        for (PhraseHit h : ctx.hits(CueKind.SCHOOL_NOUN)) {
            int[] span = schoolName(text, h);
            if (span != null) {
                add(ctx, out, claimed, EntityType.SCHOOL, span, 0.8);
            }
        }
        addAfter(ctx, out, claimed, CueKind.SCHOOL_INTRO, EntityType.SCHOOL, 0.7);
        addAfter(ctx, out, claimed, CueKind.WORK_INTRO, EntityType.WORKPLACE, 0.7);
        addAfter(ctx, out, claimed, CueKind.PLACE_INTRO, EntityType.PLACE, 0.65);
        addAfter(ctx, out, claimed, CueKind.NAME_INTRO, EntityType.PERSON_NAME, 0.75);
    }

    private static void addAfter(ScanContext ctx, List<Finding> out, BitSet claimed, CueKind cue, EntityType type,
                                 double confidence) {
        for (PhraseHit h : ctx.hits(cue)) {
            // A name in lower case is read only after a phrase that can introduce nothing else ("se llama", "her name
            // is"), not after a bare copula ("is", "es", "ni", "是").
            boolean lowerCaseAllowed = type == EntityType.PERSON_NAME && h.phrase().text().length() >= 6;
            int[] span = properNameAfter(ctx.text(), h.end(), lowerCaseAllowed);
            if (span != null && type == EntityType.PERSON_NAME && PhraseMatcher.isIdeographic(ctx.text().charAt(span[0]))
                    && span[1] - span[0] > MAX_CJK_NAME) {
                continue; // Chinese names have two to four characters; a longer run is the sentence going on
            }
            if (span != null) {
                add(ctx, out, claimed, type, span, confidence);
            }
        }
    }

    private static void add(ScanContext ctx, List<Finding> out, BitSet claimed, EntityType type, int[] span, double confidence) {
        int next = claimed.nextSetBit(span[0]);
        if (next >= 0 && next < span[1]) {
            return;
        }
        claimed.set(span[0], span[1]);
        String surface = ctx.text().substring(span[0], span[1]);
        String normalised = SEPARATORS.matcher(TextFolding.fold(surface)).replaceAll(" ").strip();
        out.add(new Finding(type, span[0], span[1], confidence, "cue", normalised, Masking.words(surface)));
    }

    /** "Universidad Complutense de Madrid", "Leeds University", "IES Juan de Mairena", "school No. 5", "北京大学". */
    static int[] schoolName(String text, PhraseHit noun) {
        int start = noun.start();
        int end = noun.end();
        if (PhraseMatcher.isIdeographic(text.charAt(noun.start()))) {
            int s = start;
            while (s > 0 && start - s < MAX_IDEOGRAPHS && PhraseMatcher.isIdeographic(text.charAt(s - 1))
                    && CJK_STOPS.indexOf(text.charAt(s - 1)) < 0) {
                s--;
            }
            return s < start ? new int[]{s, end} : null;
        }
        int[] after = properNameAfter(text, end, false);
        boolean nounCapitalised = Character.isUpperCase(text.charAt(start));
        if (after != null && after[0] - end <= INTRO_WINDOW + 4 && nounCapitalised) {
            end = after[1];
        } else if (after != null && after[0] == end + 1 && Character.isDigit(text.charAt(after[0]))) {
            end = after[1];
        }
        int before = capitalisedWordsBefore(text, start);
        if (before < start) {
            start = before;
        }
        if (start == noun.start() && end == noun.end()) {
            return null; // a bare "university" names no place
        }
        return new int[]{start, end};
    }

    /** Up to two capitalised words right before {@code at} ("Kenyatta University", "Leeds Trinity University"). */
    private static int capitalisedWordsBefore(String text, int at) {
        int start = at;
        for (int words = 0; words < 2; words++) {
            int e = start;
            while (e > 0 && text.charAt(e - 1) == ' ') {
                e--;
            }
            int s = e;
            while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-' || text.charAt(s - 1) == '\'')) {
                s--;
            }
            if (s == e || e == start || !Character.isUpperCase(text.charAt(s)) || e - s < 2
                    || PhraseMatcher.isIdeographic(text.charAt(s))) {
                break;
            }
            start = s;
        }
        return start;
    }

    /**
     * The proper name that starts right after {@code from} (skipping spaces, a colon and articles): capitalised words
     * and the connectors between them, or a run of ideographs. A person's name may also be written in lower case in
     * chat ("se llama maría lópez"): then one or two words are taken.
     */
    static int[] properNameAfter(String text, int from, boolean personName) {
        int i = from;
        int skipped = 0;
        while (true) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':' || text.charAt(i) == '"'
                    || text.charAt(i) == '«' || text.charAt(i) == '“')) {
                i++;
            }
            if (i >= text.length()) {
                return null;
            }
            if (PhraseMatcher.isIdeographic(text.charAt(i))) {
                int e = i;
                while (e < text.length() && e - i < MAX_IDEOGRAPHS && PhraseMatcher.isIdeographic(text.charAt(e))
                        && CJK_STOPS.indexOf(text.charAt(e)) < 0) {
                    e++;
                }
                return e - i >= 2 ? new int[]{i, e} : null;
            }
            int wordEnd = wordEnd(text, i);
            String word = TextFolding.fold(text.substring(i, wordEnd));
            if (skipped < 2 && wordEnd > i && LEAD_WORDS.contains(word) && !Character.isUpperCase(text.charAt(i))) {
                i = wordEnd;
                skipped++;
                continue;
            }
            break;
        }
        int start = i;
        int end = -1;
        int words = 0;
        boolean lowerCaseName = personName && Character.isLowerCase(text.charAt(start));
        while (i < text.length() && words < MAX_WORDS) {
            int wordEnd = wordEnd(text, i);
            if (wordEnd == i) {
                break;
            }
            String word = text.substring(i, wordEnd);
            char first = word.charAt(0);
            boolean capitalised = Character.isUpperCase(first) || (Character.isDigit(first) && words > 0);
            if (lowerCaseName) {
                String folded = TextFolding.fold(word);
                if (!Character.isLetter(first) || CONNECTORS.contains(folded) || LEAD_WORDS.contains(folded)
                        || FUNCTION_WORDS.contains(folded) || words >= 2) {
                    break;
                }
                end = wordEnd;
            } else if (capitalised) {
                end = wordEnd;
            } else if (!(words > 0 && CONNECTORS.contains(TextFolding.fold(word)))) {
                break;
            }
            words++;
            // Names go on over single spaces only: a comma, a full stop or a line ends them.
            if (wordEnd < text.length() && text.charAt(wordEnd) == ' ' && wordEnd + 1 < text.length()
                    && !Character.isWhitespace(text.charAt(wordEnd + 1))) {
                i = wordEnd + 1;
            } else {
                break;
            }
        }
        return end > start ? new int[]{start, end} : null;
    }

    private static int wordEnd(String text, int from) {
        int e = from;
        while (e < text.length()) {
            char c = text.charAt(e);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '’' || c == '.' && e + 1 < text.length()
                    && Character.isLetter(text.charAt(e + 1))) {
                if (PhraseMatcher.isIdeographic(c)) {
                    break;
                }
                e++;
            } else {
                break;
            }
        }
        return e;
    }
}
