package io.vigil.detector.doxxing.recognizers;

/**
 * The chars that may stand between the parts of one number ("6 1 2", "6·1·2", "6—1—2", "６－１－２", "6️⃣1️⃣2️⃣",
 * "6❤1❤2"): spaces and dashes of every script, dots, brackets, slashes, bullets and chat decorations (symbols,
 * emoji, the marks that turn a digit into a keycap). Sentence punctuation (":", ";", "!", "?") and line breaks are
 * not: they end a number, as in times and scores ("12:30", "3:1"). Both lookups are one table read per char.
 */
final class Separators {

    /** Separators named one by one; whole Unicode categories are added in {@link #build}. */
    private static final String LISTED = " \t.-,/()[]\u00A0·•_|~*'\u2027\u2219\u22C5\u3001\u30FB\uFF0C\uFF0E\uFF0F"
            + "\uFF08\uFF09\uFE0F\u20E3";
    /**
     * The punctuation libphonenumber's matcher reads inside a number (its VALID_PUNCTUATION, plus the comma it
     * skips between groups); any other separator hides a number from it, so the reader reads that number itself.
     */
    private static final String READ_BY_LIBPHONENUMBER = " \t.-,/()[]\u00A0\u00AD\u200B\u2060\u2010\u2011\u2012"
            + "\u2013\u2014\u2015\u2212\u30FC\u3000\uFF0D\uFF0E\uFF0F\uFF08\uFF09\uFF3B\uFF3D~\u2053\u223C\uFF5E";

    /** A symbol, but it joins the parts of a coordinate ("40°25'08"), not of a phone. */
    private static final char DEGREE = '\u00B0';

    private static final boolean[] SEPARATOR = new boolean[Character.MAX_VALUE + 1];
    private static final boolean[] ODD = new boolean[Character.MAX_VALUE + 1];

    static {
        build();
    }

    private Separators() {
    }

    static boolean isSeparator(char c) {
        return SEPARATOR[c];
    }

    /** A separator libphonenumber does not read: a run of plain digits split by it is the reader's to read. */
    static boolean isOdd(char c) {
        return ODD[c];
    }

    private static void build() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            boolean separator = c != DEGREE && (LISTED.indexOf(ch) >= 0
                    || type == Character.SPACE_SEPARATOR
                    || type == Character.DASH_PUNCTUATION
                    || type == Character.ENCLOSING_MARK
                    || type == Character.OTHER_SYMBOL // hearts, stars, arrows: "6❤1❤2"
                    || Character.isSurrogate(ch) // emoji outside the first plane
                    || c >= 0xFE00 && c <= 0xFE0F); // variation selectors after an emoji or a keycap digit
            SEPARATOR[c] = separator;
            ODD[c] = separator && READ_BY_LIBPHONENUMBER.indexOf(ch) < 0;
        }
    }
}
