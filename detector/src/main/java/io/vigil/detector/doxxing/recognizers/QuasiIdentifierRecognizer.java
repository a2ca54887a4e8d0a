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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Words after which a proper name is where someone goes or is ("at", "al", "в", "ke"). */
    private static final Set<String> LOCATIVES = Set.of("at", "to", "in", "near", "al", "en", "a", "del", "alla",
            "allo", "nel", "nella", "all'", "ao", "no", "na", "em", "au", "chez", "im", "am", "zum", "zur", "beim", "в",
            "во", "на", "ke", "di", "dekat", "kwa", "katika", "pale", "pergi");
    /** Function words that never begin or continue a name written in lower case ("nombre completo por privado"). */
    private static final Set<String> FUNCTION_WORDS = Set.of("por", "para", "con", "sin", "que", "and", "with", "from",
            "for", "is", "es", "e", "et", "und", "per", "pra", "pour", "mit", "von", "aus", "и", "из", "dari", "na", "ya",
            "ni", "və", "ve", "y", "o", "or", "ou", "oder", "privado", "private", "dm", "md", "pv", "inbox", "lol", "jaja",
            "haha", "kkk", "si", "no", "not", "pas", "nicht", "не", "tak", "hapana");
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{Punct}\\s]+");
    private static final int MAX_WORDS = 6;
    private static final int MAX_CJK_NAME = 4;
    private static final int MAX_IDEOGRAPHS = 12;
    /** Ideographs that end a Chinese name after an introducing phrase: verbs and particles of the sentence. */
    private static final String CJK_STOPS = "的了，。！？、：:；工作上班读上学住在和跟是她他也都就去到";
    private static final int INTRO_WINDOW = 3;
    /** A number sign and a number right after a school noun ("№ 57", "No. 5", "n°2", "#12", "nr 3"). */
    private static final Pattern NUMBER_AFTER = Pattern.compile(
            "\\s*(?:№|no\\.?|nº|n°|n\\.|nr\\.?|#)\\s*\\d{1,4}\\b", Pattern.CASE_INSENSITIVE);
    /** A number right before a school noun, with Azerbaijani "nömrəli" (numbered): "132 nömrəli məktəb". */
    private static final Pattern NUMBER_BEFORE = Pattern.compile(
            "(?<![\\d.,])\\d{1,4}\\s*(?:nömrəli|nomreli|№)\\s*$");

    /**
     * A given name and the initial of a surname, as people are named to be found and not sued: "Jéssica S.",
     * "Вика С.", "Aina R.". A capitalised word, a space, one capital and a full stop that ends the word.
     */
    private static final Pattern NAME_AND_INITIAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(\\p{Lu}\\p{Ll}{2,}(?:\\s\\p{Lu}\\p{Ll}{2,})?\\s\\p{Lu}\\.)(?=[\\s,;:–-]|$)");

    /** Two or three capitalised words, a given name and one or two surnames: "Jana Wiesinger", "Дарья Кузнецова". */
    private static final Pattern FULL_NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,2})(?![\\p{L}\\p{N}])");

    /** A message that opens with a name and a colon announces who is speaking: "Tallers Rius: canvi d'oli …". */
    private static final Pattern SELF_ANNOUNCED = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{L}'’&.-]*(?:\\s+(?:&|de|del|di|da|do|du|von|van|\\p{Lu}[\\p{L}'’&.-]*)){1,4})\\s*:\\s");

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        if (hasCapitalAndFullStop(ctx.text())) {
            Matcher initial = NAME_AND_INITIAL.matcher(ctx.text());
            BitSet initials = new BitSet();
            while (initial.find()) {
                add(ctx, out, initials, EntityType.PERSON_NAME, new int[]{initial.start(1), initial.end(1)}, 0.6);
            }
        }
        Matcher announced = SELF_ANNOUNCED.matcher(ctx.text());
        if (announced.lookingAt()) {
            BitSet none = new BitSet();
            add(ctx, out, none, EntityType.ORGANISATION, new int[]{announced.start(1), announced.end(1)}, 0.6);
        }
        boolean aboutSomeone = pointsAtSomeone(ctx);
        boolean fields = ctx.has(CueKind.NAME_FIELD) || ctx.has(CueKind.SCHOOL_FIELD) || ctx.has(CueKind.WORK_FIELD)
                || ctx.has(CueKind.PLACE_FIELD);
        boolean chineseFrames = ctx.text().indexOf('在') >= 0 || ctx.text().indexOf('店') >= 0;
        if (!(fields || chineseFrames || ctx.has(CueKind.NAME_INTRO) || ctx.has(CueKind.SCHOOL_INTRO)
                || ctx.has(CueKind.SCHOOL_NOUN) || ctx.has(CueKind.WORK_INTRO) || ctx.has(CueKind.PLACE_INTRO)
                || ctx.routine() || aboutSomeone)) {
            return;
        }
        String text = ctx.text();
        BitSet claimed = new BitSet(text.length());
        if (fields) {
            List<LabelledFields.Field> values = new java.util.ArrayList<>();
            LabelledFields.find(ctx, values);
            for (LabelledFields.Field v : values) {
                add(ctx, out, claimed, v.type(), new int[]{v.start(), v.end()}, 0.7);
            }
        }
        for (PhraseHit h : ctx.hits(CueKind.SCHOOL_NOUN)) {
            int[] span = schoolName(text, h);
            if (span != null) {
                add(ctx, out, claimed, EntityType.SCHOOL, span, 0.8);
            }
        }
        addAfter(ctx, out, claimed, CueKind.SCHOOL_INTRO, EntityType.SCHOOL, 0.7);
        if (!announces(ctx)) {
            for (FragmentList.Fragment f : FragmentList.find(ctx)) {
                add(ctx, out, claimed, f.type(), new int[]{f.start(), f.end()}, 0.55);
            }
        }
        addAfter(ctx, out, claimed, CueKind.WORK_INTRO, EntityType.WORKPLACE, 0.7);
        addAfter(ctx, out, claimed, CueKind.PLACE_INTRO, EntityType.PLACE, 0.65);
        addAfter(ctx, out, claimed, CueKind.NAME_INTRO, EntityType.PERSON_NAME, 0.75);
        if (aboutSomeone || ctx.routine() && !announces(ctx)) {
            addNamedPlaces(ctx, out, claimed);
        }
        if (ctx.routine() || aboutSomeone) {
            addPlacesOfRoutine(ctx, out, claimed);
        }
        if (aboutSomeone) {
            addFullNames(ctx, out, claimed);
        }
        List<VerbFinalPlaces.Place> beforeVerbs = new java.util.ArrayList<>();
        VerbFinalPlaces.find(ctx, beforeVerbs);
        for (VerbFinalPlaces.Place p : beforeVerbs) {
            add(ctx, out, claimed, p.type(), new int[]{p.start(), p.end()}, 0.6);
        }
        for (int[] span : InstitutionInitials.find(ctx)) {
            add(ctx, out, claimed, EntityType.SCHOOL, span, 0.55);
        }
        if (aboutSomeone && namesAPlace(out)) {
            for (int[] span : LoneGivenName.find(ctx)) {
                add(ctx, out, claimed, EntityType.PERSON_NAME, span, 0.45);
            }
        }
    }

    /** Whether a school, a workplace or a place has been found: a lone given name is looked for only next to one. */
    private static boolean namesAPlace(List<Finding> out) {
        for (Finding f : out) {
            if (f.type() == EntityType.SCHOOL || f.type() == EntityType.WORKPLACE || f.type() == EntityType.PLACE) {
                return true;
            }
        }
        return false;
    }

    /**
     * In a message about a third person, two or three capitalised words that no cue word explains are her full name,
     * written bare ("wer ist die? Jana Wiesinger, arbeitet …", "кто она? Дарья Кузнецова"). Runs after the schools,
     * workplaces and places, which keep the spans they claimed ("Gran Vía" after "de" is a place).
     */
    private static void addFullNames(ScanContext ctx, List<Finding> out, BitSet claimed) {
        Matcher m = FULL_NAME.matcher(ctx.text());
        while (m.find()) {
            int[] span = {m.start(1), m.end(1)};
            if (!overlapsAnyCue(ctx, span)) {
                add(ctx, out, claimed, EntityType.PERSON_NAME, span, 0.5);
            }
        }
    }

    private static boolean overlapsAnyCue(ScanContext ctx, int[] span) {
        for (PhraseHit h : ctx.hits()) {
            if (h.start() < span[1] && span[0] < h.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the message talks about a third person ("she", "her", "la del vídeo"), insults her or targets her: then
     * a proper name after a locative is where she can be found even without a routine ("bosse au Monoprix de
     * Belleville", "продавщица во ВкусВилле"), unless the message reads as news or a public announcement. Only cues of the message's main language count: a short word of
     * another language ("le" in French text is not Spanish "le") says nothing. Whether that exposes her is still the
     * scorer's decision.
     */
    private static boolean pointsAtSomeone(ScanContext ctx) {
        if (!(ctx.has(CueKind.THIRD_PERSON) || ctx.has(CueKind.DEROGATORY) || ctx.has(CueKind.TARGETING))) {
            return false;
        }
        if (ctx.has(CueKind.NEWS) || ctx.has(CueKind.EVENT) || ctx.has(CueKind.INSTITUTION)
                || ctx.has(CueKind.PUBLIC_FIGURE)) {
            return false; // a report or an announcement names its places for everyone, not to find her
        }
        java.util.Map<String, Integer> perLanguage = new java.util.HashMap<>();
        int most = 0;
        for (PhraseHit h : ctx.hits()) {
            if (h.kind() != CueKind.NUMBER_WORD && h.kind() != CueKind.MONTH) {
                most = Math.max(most, perLanguage.merge(h.phrase().language(), 1, Integer::sum));
            }
        }
        for (CueKind kind : List.of(CueKind.THIRD_PERSON, CueKind.DEROGATORY, CueKind.TARGETING)) {
            for (PhraseHit h : ctx.hits(kind)) {
                if (perLanguage.getOrDefault(h.phrase().language(), 0) == most) {
                    return true; // a cue of (one of) the message's main language(s)
                }
            }
        }
        return false;
    }

    /** Whether a shop, an office, an event or the news speaks: their opening hours are a routine of no one. */
    private static boolean announces(ScanContext ctx) {
        return ctx.has(CueKind.BUSINESS) || ctx.has(CueKind.INSTITUTION) || ctx.has(CueKind.EVENT)
                || ctx.has(CueKind.NEWS) || ctx.has(CueKind.PUBLIC_FIGURE);
    }

    /**
     * A gym, a club, a church or a station named after its noun ("Olimpiya İdman Kompleksi", "клуб Ринг", "Parque del
     * Oeste", "PureGym", "万达广场健身房"), in a message about her or her routine: where she can be found. A noun in lower
     * case takes the capitalised name right after it ("в клубе Ринг"); a bare noun ("the gym") names no place.
     */
    private static void addNamedPlaces(ScanContext ctx, List<Finding> out, BitSet claimed) {
        String text = ctx.text();
        for (PhraseHit h : ctx.hits(CueKind.PLACE_NOUN)) {
            int[] span = schoolName(text, h);
            if (span != null && span[0] < h.start() && overlapsAnyCue(ctx, new int[]{span[0], h.start()})) {
                span = null; // "Her gym": the capitalised word before the noun is a cue word, not the place's name
            }
            if (span == null && !PhraseMatcher.isIdeographic(text.charAt(h.start()))) {
                int end = wordEnd(text, h.end());
                int[] name = properNameAfter(text, end, false);
                if (name != null && name[0] == end + 1 && Character.isUpperCase(text.charAt(name[0]))
                        && !insideCue(ctx, name)) {
                    span = new int[]{h.start(), name[1]};
                }
            }
            if (span != null && !insideCue(ctx, span)) {
                add(ctx, out, claimed, EntityType.PLACE, span, 0.6);
            }
        }
    }

    /**
     * In a message that tells a routine (a weekday, "every day", a clock time), a proper name right after a locative
     * word is where that routine happens: "va al Basic-Fit de Triana los lunes", "ходит в World Class по средам",
     * "pergi Anytime Fitness Bangsar isnin". Names that are themselves cue words (a weekday, a month) are not places.
     */
    private static void addPlacesOfRoutine(ScanContext ctx, List<Finding> out, BitSet claimed) {
        String text = ctx.text();
        int i = 0;
        while (i < text.length()) {
            int end = wordEnd(text, i);
            if (end == i) {
                i++;
                continue;
            }
            if (LOCATIVES.contains(TextFolding.fold(text.substring(i, end)))) {
                int[] span = properNameAfter(text, end, false);
                if (span != null && span[0] - end <= INTRO_WINDOW + 4 && span[1] - span[0] >= 3
                        && Character.isUpperCase(text.charAt(span[0])) && !insideCue(ctx, span)) {
                    add(ctx, out, claimed, EntityType.PLACE, span, 0.55);
                }
            }
            i = end;
        }
    }

    /** Whether a capital letter is followed by a full stop anywhere: what a surname initial needs, checked cheaply first. */
    private static boolean hasCapitalAndFullStop(String text) {
        for (int dot = text.indexOf('.', 1); dot > 0; dot = text.indexOf('.', dot + 1)) {
            if (Character.isUpperCase(text.codePointBefore(dot))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a weekday or a month lies in the span ("am Montag", "en Agosto"): a time, not a place. */
    private static boolean insideCue(ScanContext ctx, int[] span) {
        for (PhraseHit h : ctx.hits()) {
            if ((h.kind() == CueKind.ROUTINE || h.kind() == CueKind.MONTH) && h.start() < span[1] && span[0] < h.end()) {
                return true;
            }
        }
        return false;
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
        int end = noun.phrase().wordEnd() ? noun.end() : wordEnd(text, noun.end());
        if (PhraseMatcher.isIdeographic(text.charAt(noun.start()))) {
            int s = start;
            while (s > 0 && start - s < MAX_IDEOGRAPHS && PhraseMatcher.isIdeographic(text.charAt(s - 1))
                    && CJK_STOPS.indexOf(text.charAt(s - 1)) < 0) {
                s--;
            }
            return s < start ? new int[]{s, end} : null;
        }
        // A school named by its number: "школа № 57", "Lycée n° 2", "132 nömrəli məktəb", "gimnazjum nr 3".
        Matcher number = NUMBER_AFTER.matcher(text).region(end, text.length());
        if (number.lookingAt()) {
            return new int[]{start, number.end()};
        }
        Matcher numbered = NUMBER_BEFORE.matcher(text).region(Math.max(0, start - 16), start);
        if (numbered.find()) {
            return new int[]{numbered.start(), end};
        }
        // A compound written with hyphens: "Sophie-Scholl-Gymnasium", "Max-Planck-Schule".
        if (!noun.phrase().wordStart() && start > 0 && text.charAt(start - 1) == '-') {
            int s = start;
            while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-')) {
                s--;
            }
            if (s < start - 1 && Character.isUpperCase(text.charAt(s))) {
                return new int[]{s, end};
            }
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
        if (start == noun.start() && end == wordEnd(text, noun.end())) {
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
            int elided = elidedArticle(word);
            if (skipped < 2 && elided > 0) {
                i += elided; // "à l'Hôpital Bichat", "all'Università di Bologna": the name starts after the apostrophe
                skipped++;
                break;
            }
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

    /** Elided articles and prepositions of French, Italian and Catalan, glued to the next word by an apostrophe. */
    private static final List<String> ELISIONS = List.of("l'", "d'", "all'", "dell'", "nell'", "sull'", "dall'",
            "un'", "qu'");

    /** The length of the elided article that begins the folded word ("l'hopital"), or 0 when none does. */
    private static int elidedArticle(String foldedWord) {
        for (String e : ELISIONS) {
            if (foldedWord.startsWith(e) && foldedWord.length() > e.length()
                    && Character.isLetter(foldedWord.charAt(e.length()))) {
                return e.length();
            }
        }
        return 0;
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
