package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.lexicon.CueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A university or a school named by its initials next to a study or work verb: "estudia en la UCM", "учится в МГУ",
 * "BDUda hüquq oxuyur", "anasoma law UoN". Writers name the places of study everybody in town knows by their
 * initials, and no noun of the lexicon heads them. The initials may carry a case ending glued on, with or without a
 * hyphen (Azerbaijani "BDU-da", "BDUda"; Turkish-style endings in general), which is left out of the span.
 */
final class InstitutionInitials {

    /**
     * Two to five letters that begin and end with a capital and have at least two (a lower-case letter may sit
     * between, as in "UoN"), then an optional lower-case ending of up to four letters.
     */
    private static final Pattern INITIALS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\p{Lu}(?:\\p{Ll}?\\p{Lu}){1,4})(?:-?\\p{Ll}{1,4})?(?![\\p{L}\\p{N}])");
    /** How far the initials may be from the study or work verb, before or after it (about three words). */
    private static final int WINDOW = 24;

    private InstitutionInitials() {
    }

    /**
     * The spans of the initials near a study or work cue. Cheap pre-check first: the message has such a cue and two
     * capitals in a row somewhere (or a capital, a lower-case letter and a capital); a message written in capitals
     * throughout is shouting, not initials.
     */
    static List<int[]> find(ScanContext ctx) {
        if (!(ctx.has(CueKind.SCHOOL_INTRO) || ctx.has(CueKind.WORK_INTRO)) || !hasCapitalPair(ctx.text())
                || mostlyCapitals(ctx.text())) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        Matcher m = INITIALS.matcher(ctx.text());
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            if (ctx.near(CueKind.SCHOOL_INTRO, s, e, WINDOW, WINDOW) || ctx.near(CueKind.WORK_INTRO, s, e, WINDOW, WINDOW)) {
                spans.add(new int[]{s, e});
            }
        }
        return spans;
    }

    private static boolean hasCapitalPair(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i)) && (Character.isUpperCase(text.charAt(i - 1))
                    || i >= 2 && Character.isUpperCase(text.charAt(i - 2)) && Character.isLowerCase(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** More capitals than lower-case letters: the whole message is shouted. */
    private static boolean mostlyCapitals(String text) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper > lower;
    }
}
