package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.List;

/**
 * Payment card numbers (ISO/IEC 7812): 13 to 19 digits, written in one block or in groups separated by single
 * spaces or dashes, whose Luhn check digit holds and whose issuer prefix is one the card schemes publish. Such a
 * number is a card, never a phone, even where libphonenumber would accept its digits. A Luhn-valid number without a
 * known prefix is a card only after a card label ("card", "tarjeta", "карта").
 */
public final class PaymentCardRecognizer implements Recognizer {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    private static final int LABEL_WINDOW = 24;
    private static final double KNOWN_PREFIX_CONFIDENCE = 0.95;
    private static final double LABELLED_CONFIDENCE = 0.85;
    /** How cards are printed and typed: groups of four, Amex and Diners 4-6-5 and 4-6-4, 19 digits 4-4-4-4-3. */
    private static final java.util.Set<String> CARD_GROUPS = java.util.Set.of("4 4 4 4", "4 6 5", "4 6 4", "4 4 4 4 3",
            "4 4 4 1", "4 4 4 3", "4 4 4 2", "4 4 5", "4 4 4 4 2", "4 4 4 4 1");

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        if (ctx.digitCount() < MIN_DIGITS) {
            return;
        }
        String text = ctx.text();
        int i = 0;
        while (i < text.length()) {
            if (!isAsciiDigit(text.charAt(i)) || (i > 0 && (gluedBefore(text.charAt(i - 1)) || text.charAt(i - 1) == '+'))) {
                i++;
                continue;
            }
            // One run: digits with single separators between them, the same separator throughout.
            StringBuilder digits = new StringBuilder(MAX_DIGITS + 1);
            StringBuilder groups = new StringBuilder();
            int j = i;
            int end = i;
            int group = 0;
            char separator = 0;
            while (j < text.length() && digits.length() <= MAX_DIGITS) {
                char c = text.charAt(j);
                if (isAsciiDigit(c)) {
                    digits.append(c);
                    group++;
                    j++;
                    end = j;
                } else if ((c == ' ' || c == '-') && (separator == 0 || separator == c)
                        && j + 1 < text.length() && isAsciiDigit(text.charAt(j + 1))) {
                    separator = c;
                    groups.append(group).append(' ');
                    group = 0;
                    j++;
                } else {
                    break;
                }
            }
            boolean glued = end < text.length() && gluedBefore(text.charAt(end));
            int n = digits.length();
            groups.append(group);
            if (!glued && n >= MIN_DIGITS && n <= MAX_DIGITS && Checksums.luhn(digits)
                    && (separator == 0 || CARD_GROUPS.contains(groups.toString()))) {
                String scheme = scheme(digits);
                boolean labelled = ctx.nearestBefore(i, LABEL_WINDOW, CueKind.CARD_LABEL).isPresent();
                boolean otherNumber = ctx.nearestBefore(i, LABEL_WINDOW, CueKind.NOT_PHONE_LABEL).isPresent();
                if (labelled || (scheme != null && !otherNumber)) {
                    out.add(new Finding(EntityType.PAYMENT_CARD, i, end,
                            scheme != null ? KNOWN_PREFIX_CONFIDENCE : LABELLED_CONFIDENCE,
                            scheme != null ? scheme : "card", digits.toString(),
                            Masking.keepEnds(text.substring(i, end), 0, 4)));
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    /**
     * The card scheme of an issuer identification number, from the schemes' published ranges, or null. Lengths are
     * those each scheme issues.
     */
    static String scheme(CharSequence d) {
        int n = d.length();
        int p2 = Integer.parseInt(d.subSequence(0, 2).toString());
        int p4 = Integer.parseInt(d.subSequence(0, 4).toString());
        int p6 = Integer.parseInt(d.subSequence(0, 6).toString());
        if (d.charAt(0) == '4' && (n == 13 || n == 16 || n == 19)) {
            return "visa";
        }
        if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16) {
            return "mastercard";
        }
        if ((p2 == 34 || p2 == 37) && n == 15) {
            return "amex";
        }
        if (p4 >= 2200 && p4 <= 2204 && n >= 16) {
            return "mir";
        }
        if ((p4 == 6011 || p2 == 65 || (p6 / 1000 >= 644 && p6 / 1000 <= 649)) && n >= 16) {
            return "discover";
        }
        if (p4 >= 3528 && p4 <= 3589 && n >= 16) {
            return "jcb";
        }
        if (p2 == 62 && n >= 16) {
            return "unionpay";
        }
        if ((p2 == 36 || p2 == 38 || (p4 >= 3000 && p4 <= 3059)) && n >= 14) {
            return "diners";
        }
        if ((p2 == 50 || (p2 >= 56 && p2 <= 69)) && n >= 12) {
            return "maestro";
        }
        return null;
    }

    /** Letters and digits glue a number into a longer token; ideographs do not ("银行卡6200…", Chinese has no spaces). */
    private static boolean gluedBefore(char c) {
        return Character.isLetterOrDigit(c) && !io.vigil.detector.doxxing.lexicon.PhraseMatcher.isIdeographic(c);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
