package io.vigil.detector.doxxing.recognizers;

import java.util.regex.Pattern;

/**
 * Ranges of abbreviated weekdays, as shifts and training times are written: "mon-thurs", "Mo–Mi", "Mi–Fr", "lun-vie",
 * "seg-sex", "пн-пт". With them a workplace or a gym says when she is there, as a named weekday does
 * ({@link io.vigil.detector.doxxing.lexicon.CueKind#ROUTINE}). Only a range with a dash or a slash counts: a lone "Mo"
 * or "do" is a word.
 */
public final class WeekdayRanges {

    /** Abbreviations of the weekdays in the languages of the corpus (en, de, es/ca, fr, it, pt, ru). */
    private static final String DAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
            + "|mo|di|mi|do|fr|sa|so"
            + "|lun|mar|mi[eé]|jue|vie|s[aá]b|dom|dl|dt|dc|dj|dv|ds|dg"
            + "|mer|jeu|ven|sam|dim|gio"
            + "|seg|ter|qua|qui|sex"
            + "|пн|вт|ср|чт|пт|сб|вс)";
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + DAY + "\\.?\\s?[-–—/]\\s?" + DAY + "\\.?(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private WeekdayRanges() {
    }

    /** Whether the text names a range of weekdays. Cheap first: a dash or a slash must occur. */
    public static boolean any(String text) {
        if (text.indexOf('-') < 0 && text.indexOf('–') < 0 && text.indexOf('—') < 0 && text.indexOf('/') < 0) {
            return false;
        }
        return RANGE.matcher(text).find();
    }
}
