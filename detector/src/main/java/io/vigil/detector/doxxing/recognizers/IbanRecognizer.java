package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs (ISO 13616), written in one block or in groups of four: the country's registered length decides where the
 * number ends, so the word after it is never swallowed, and the mod-97 check must hold.
 */
public final class IbanRecognizer implements Recognizer {

    /** IBAN lengths by country, from the SWIFT IBAN registry. */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private static final Pattern START = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z]{2})\\d{2}");
    private static final double CONFIDENCE = 0.97;

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        if (ctx.digitCount() < 12) {
            return;
        }
        String text = ctx.text();
        Matcher m = START.matcher(text);
        int from = 0;
        while (m.find(from)) {
            from = m.end();
            String country = m.group(1).toUpperCase(java.util.Locale.ROOT);
            Integer length = LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            StringBuilder bare = new StringBuilder(length);
            int i = m.start();
            int end = -1;
            while (i < text.length() && bare.length() < length) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) && c < 128) {
                    bare.append(Character.toUpperCase(c));
                    i++;
                    if (bare.length() == length) {
                        end = i;
                    }
                } else if ((c == ' ' || c == '-') && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))
                        && bare.length() > 0) {
                    i++;
                } else {
                    break;
                }
            }
            if (end < 0 || (end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                    && !Character.isWhitespace(text.charAt(end - 1)))) {
                continue;
            }
            if (!Checksums.iban(bare.toString())) {
                continue;
            }
            out.add(new Finding(EntityType.IBAN, m.start(), end, CONFIDENCE, country, bare.toString(),
                    Masking.keepEnds(text.substring(m.start(), end), 2, 2)));
            from = end;
        }
    }
}
