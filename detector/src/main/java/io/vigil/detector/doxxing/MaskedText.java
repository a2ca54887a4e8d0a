package io.vigil.detector.doxxing;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text as a moderator may read it: every entity the detector found is replaced by its masked preview, and
 * any long run of digits no recogniser claimed (a number in a format none of them knows) is masked as well, so a missed
 * phone number does not reach the moderator's card in clear either.
 */
public final class MaskedText {

    /** Telegram's limit for one message's text (4096 characters); a longer text is cut there with an ellipsis. */
    public static final int MAX_CHARS = 4096;

    /** Digits kept at the end of an unclaimed number, as the phone previews do (+34 6•• ••• •78). */
    static final int VISIBLE_TAIL_DIGITS = 2;

    /** Fewer digits than this read as a quantity, a year or a time, not as a number that reaches someone. */
    static final int MIN_DIGITS_TO_MASK = 6;

    private static final char MASK = '•';
    /** Digits of any script (Arabic-Indic, fullwidth, ...) with the separators numbers are written with. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\p{Nd}[\\p{Nd} \\u00A0().\\-/]*\\p{Nd}");

    private MaskedText() {
    }

    /**
     * @param text     the scanned text
     * @param entities what the detector found in it (offsets into {@code text}); overlapping or out-of-range spans are
     *                 skipped, the text they cover then falls under the digit masking
     */
    public static String of(String text, List<DetectedEntity> entities) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        int at = 0;
        for (DetectedEntity entity : entities.stream().sorted(Comparator.comparingInt(DetectedEntity::start)).toList()) {
            if (entity.start() < at || entity.end() > text.length()) {
                continue;
            }
            out.append(maskDigitRuns(text.substring(at, entity.start()))).append(entity.maskedPreview());
            at = entity.end();
        }
        out.append(maskDigitRuns(text.substring(at)));
        if (out.length() > MAX_CHARS) {
            int cut = MAX_CHARS - 1;
            if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
            out.append('…');
        }
        return out.toString();
    }

    private static String maskDigitRuns(String segment) {
        Matcher run = DIGIT_RUN.matcher(segment);
        StringBuilder out = new StringBuilder(segment.length());
        int at = 0;
        while (run.find()) {
            String digits = run.group();
            long count = digits.chars().filter(Character::isDigit).count();
            out.append(segment, at, run.start());
            out.append(count >= MIN_DIGITS_TO_MASK ? maskAllButTail(digits, count) : digits);
            at = run.end();
        }
        return out.append(segment, at, segment.length()).toString();
    }

    private static String maskAllButTail(String digits, long count) {
        StringBuilder masked = new StringBuilder(digits.length());
        long seen = 0;
        for (char c : digits.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > count - VISIBLE_TAIL_DIGITS ? c : MASK);
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
