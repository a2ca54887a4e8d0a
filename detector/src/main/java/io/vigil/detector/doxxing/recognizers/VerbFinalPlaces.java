package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places named before the verb, as Chinese and Azerbaijani put them: "在星巴克国贸店上班" (works at the Starbucks in
 * Guomao), "在实验中学读书", "Bravoda kassir işləyir" (is a cashier at Bravo), "Yasamalda qalır". The cue phrases of
 * the lexicon introduce what follows them; in these languages the place comes first, so it is read backwards from
 * the verb: for Chinese between 在 and the verb, for Azerbaijani a capitalised word with a locative ending right
 * before a work, study or place phrase.
 */
final class VerbFinalPlaces {

    /** 在, two to twelve ideographs or Latin letters and digits, then a verb of work, study or leisure. */
    private static final Pattern ZAI_PLACE_VERB = Pattern.compile(
            "在([\\p{IsHan}A-Za-z0-9]{2,12}?)(上班|工作|打工|实习|兼职|读书|上学|念书|读|健身|训练|锻炼|游泳|跳舞)");
    /** Ideographs that cannot be inside a place's name between 在 and the verb: pronouns and particles. */
    private static final String NOT_IN_NAME = "我你她他的了是也都就这那个在，。！？、：；";
    /** A branch (店) followed by a job or a shift: "海底捞五角场店的服务员", "优衣库南京西路店，周一白班". */
    private static final Pattern BRANCH_THEN_JOB = Pattern.compile(
            "店(?:的|里|，|,)?(?:服务员|收银员|收银|店员|导购|营业员|上班|打工|兼职|白班|晚班|夜班|早班|中午班|周)");
    private static final int MAX_BRANCH_NAME = 12;
    /** A capitalised word with the Azerbaijani locative ending (-da/-də, after a vowel -nda/-ndə), hyphen or not. */
    private static final Pattern LOCATIVE_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}]*?)(?:['’-]?(?:n?da|n?də))(?![\\p{L}\\p{N}])");
    /** How far after the locative word the work, study or place phrase may start ("Bravoda kassir işləyir"). */
    private static final int VERB_WINDOW = 16;

    private VerbFinalPlaces() {
    }

    /** A place found before its verb: its type and span. */
    record Place(EntityType type, int start, int end) {
    }

    static void find(ScanContext ctx, List<Place> out) {
        String text = ctx.text();
        if (text.indexOf('店') >= 0) {
            addBranches(text, out);
        }
        if (text.indexOf('在') >= 0) {
            Matcher m = ZAI_PLACE_VERB.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                if (!containsAny(name, NOT_IN_NAME)) {
                    out.add(new Place(typeOfVerb(m.group(2)), m.start(1), m.end(1)));
                }
            }
        }
        if (ctx.has(CueKind.WORK_INTRO) || ctx.has(CueKind.SCHOOL_INTRO) || ctx.has(CueKind.PLACE_INTRO)
                || ctx.has(CueKind.RESIDENCE)) {
            Matcher m = LOCATIVE_WORD.matcher(text);
            while (m.find()) {
                EntityType type = typeOfPhraseAfter(ctx, m.start(), m.end());
                if (type != null && m.end(1) - m.start(1) >= 2) {
                    out.add(new Place(type, m.start(1), m.end(1)));
                }
            }
        }
    }

    /** The ideographs before 店 up to a pronoun or a particle, when a job or a shift follows: her workplace. */
    private static void addBranches(String text, List<Place> out) {
        Matcher m = BRANCH_THEN_JOB.matcher(text);
        while (m.find()) {
            int end = m.start() + 1;
            int start = m.start();
            while (start > 0 && m.start() - start < MAX_BRANCH_NAME && isNameChar(text.charAt(start - 1))) {
                start--;
            }
            if (m.start() - start >= 2) {
                out.add(new Place(EntityType.WORKPLACE, start, end));
            }
        }
    }

    private static boolean isNameChar(char c) {
        return (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.isLetterOrDigit(c) && c < 0x80)
                && NOT_IN_NAME.indexOf(c) < 0;
    }

    private static EntityType typeOfVerb(String verb) {
        return switch (verb) {
            case "上班", "工作", "打工", "实习", "兼职" -> EntityType.WORKPLACE;
            case "读书", "上学", "念书", "读" -> EntityType.SCHOOL;
            default -> EntityType.PLACE;
        };
    }

    /**
     * The type the nearest work, study or place phrase after the word announces, or null if none is near; a phrase
     * that begins with the word's own ending ("*da yaşayır") counts too.
     */
    private static EntityType typeOfPhraseAfter(ScanContext ctx, int wordStart, int from) {
        for (PhraseHit h : ctx.hits()) {
            if (h.start() >= wordStart && h.end() > from && h.start() - from <= VERB_WINDOW) {
                if (h.kind() == CueKind.WORK_INTRO) {
                    return EntityType.WORKPLACE;
                }
                if (h.kind() == CueKind.SCHOOL_INTRO) {
                    return EntityType.SCHOOL;
                }
                if (h.kind() == CueKind.PLACE_INTRO || h.kind() == CueKind.RESIDENCE) {
                    return EntityType.PLACE;
                }
            }
        }
        return null;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
