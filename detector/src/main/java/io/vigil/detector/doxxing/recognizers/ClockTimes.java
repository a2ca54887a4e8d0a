package io.vigil.detector.doxxing.recognizers;

import java.util.regex.Pattern;

/**
 * Clock times as chats write them in every language of the corpus: "13:15", "19h", "7pm", "7.30", "um 7", "a las 7",
 * "saat 7-də", "pukul 7", "7点". With a weekday or an "every day" ({@link io.vigil.detector.doxxing.lexicon.CueKind#ROUTINE})
 * they say when someone can be found somewhere: the routine of the quasi-identifier exposures.
 */
public final class ClockTimes {

    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\d.:,/])(?:[01]?\\d|2[0-3])[:h](?:[0-5]\\d)?(?![\\d:,/])"
                    + "|(?<![\\d.,/])\\d{1,2}\\s?(?:am|pm|uhr|ч)\\b"
                    + "|\\b(?:at|um|alle|ore|a las|a les|às|as|à|pukul|saat|saa|в)\\s\\d{1,2}(?:[:.]\\d{2})?(?![\\d.,/%])"
                    + "|\\d{1,2}\\s?[点點]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ClockTimes() {
    }

    /** Whether the text names a time of day. */
    public static boolean any(String text) {
        return CLOCK.matcher(text).find();
    }
}
