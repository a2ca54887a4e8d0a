package io.vigil.detector.doxxing.recognizers;

import java.util.regex.Matcher;
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

    /** Longest text a match may have before its first digit: "a las " (a word of five and a space). */
    private static final int LEAD = 8;
    /** Longest text a match may have after the digit run it starts in: ":30", " uhr", " 点". */
    private static final int TAIL = 6;

    /**
     * Whether the text names a time of day. Every time has an ASCII digit, so the pattern is tried only around each
     * run of digits (a window of {@link #LEAD} before and {@link #TAIL} after, with transparent bounds so that the
     * look-arounds see the whole text): the same answer as a search of the whole text, at the cost of the digits'
     * neighbourhoods instead of every position of every message.
     */
    public static boolean any(String text) {
        Matcher m = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && isAsciiDigit(text.charAt(end))) {
                end++;
            }
            // Hours have one or two digits; a longer run can only end in an ideographic "o'clock" ("2024点" reads "24点").
            if (end - i > 2 && !ideographicHourAfter(text, end)) {
                i = end;
                continue;
            }
            if (m == null) {
                m = CLOCK.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(Math.max(0, i - LEAD), Math.min(n, end + TAIL));
            if (m.find()) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /** Whether 点 or 點 follows at {@code at}, right away or after one space. */
    private static boolean ideographicHourAfter(String text, int at) {
        int k = at;
        if (k < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(k)) >= 0) {
            k++;
        }
        return k < text.length() && (text.charAt(k) == '点' || text.charAt(k) == '點');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
