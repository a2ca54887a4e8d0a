package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.Lexicon;
import io.vigil.detector.doxxing.lexicon.Phrase;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * E-mail addresses, plain or obfuscated with spelled-out separators in any configured language
 * ("maria at gmail dot com", "maria [arroba] gmail punto com", "maria собака mail точка ru"). The spelled words come
 * from the lexicon's {@code emailAt} and {@code emailDot} lists, so a platform adds a language by adding a file.
 */
public final class EmailRecognizer implements Recognizer {

    /** RFC 5321 dot-atom local part, restricted to what people type; domain labels per RFC 1035. */
    private static final Pattern PLAIN = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])");

    /**
     * Top-level domains accepted after a spelled-out dot: generic ones and those of the countries served. A
     * sentence like "me at home. it was…" must not become an address, so an unknown ending is not a domain.
     */
    static final java.util.Set<String> COMMON_TLDS = java.util.Set.of("com", "net", "org", "info", "biz", "edu", "gov",
            "io", "co", "me", "app", "dev", "online", "site", "xyz", "mail", "email", "es", "it", "pt", "fr", "de", "br",
            "cu", "ru", "su", "my", "cn", "ke", "az", "uk", "us", "eu", "ch", "at", "be", "nl", "ca", "au", "mx", "ar",
            "cl", "ve", "pe", "ua", "by", "kz", "tr", "ge", "tz", "ug", "ng", "za", "in", "hk", "tw", "sg", "id", "ie",
            "pl", "se", "no", "dk", "fi", "gr", "ro", "lu", "ma", "dz", "tn", "ao", "mz", "cv");

    private static final double PLAIN_CONFIDENCE = 0.95;
    private static final double OBFUSCATED_CONFIDENCE = 0.85;

    private final Pattern obfuscated;
    private final Pattern spelledDot;

    public EmailRecognizer(Lexicon lexicon) {
        String at = alternatives(lexicon, CueKind.EMAIL_AT);
        String dot = alternatives(lexicon, CueKind.EMAIL_DOT);
        // Runs on the folded text: local part, spelled or bracketed "at", domain labels joined by spelled or real
        // dots, then a top-level domain. Spaces around spelled separators are what makes them words.
        String sepAt = "(?:\\s*[\\[({<]\\s*(?:" + at + "|@)\\s*[\\])}>]\\s*|\\s+(?:" + at + ")\\s+|\\s*@\\s+)";
        String sepDot = "(?:\\s*[\\[({<]\\s*(?:" + dot + "|\\.)\\s*[\\])}>]\\s*|\\s+(?:" + dot + ")\\s+|\\s+\\.\\s+|\\.)";
        this.spelledDot = Pattern.compile(sepDot);
        String label = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";
        this.obfuscated = Pattern.compile(
                "(?<![a-z0-9._%+-])([a-z0-9][a-z0-9._%+-]{0,63})" + sepAt
                        + "(" + label + "(?:" + sepDot + label + ")*?)" + sepDot + "([a-z]{2,6})(?![a-z0-9])");
    }

    private static String alternatives(Lexicon lexicon, CueKind kind) {
        List<String> words = new ArrayList<>();
        for (Phrase p : lexicon.phrases()) {
            if (p.kind() == kind) {
                words.add(p.text().replaceAll("^[\\[({<]|[\\])}>]$", ""));
            }
        }
        return words.stream().filter(w -> !w.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        List<Finding> found = new ArrayList<>();
        if (ctx.hasAt()) {
            Matcher m = PLAIN.matcher(ctx.text());
            while (m.find()) {
                String value = m.group().toLowerCase(Locale.ROOT);
                found.add(new Finding(EntityType.EMAIL, m.start(), m.end(), PLAIN_CONFIDENCE, "plain", value,
                        Masking.email(value)));
            }
        }
        if (ctx.has(CueKind.EMAIL_AT) || ctx.hasAt()) {
            Matcher m = obfuscated.matcher(ctx.folded());
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                if (!COMMON_TLDS.contains(m.group(3))) {
                    continue;
                }
                String domain = String.join(".", spelledDot.split(m.group(2)));
                String value = m.group(1) + "@" + domain + "." + m.group(3);
                found.add(new Finding(EntityType.EMAIL, start, end, OBFUSCATED_CONFIDENCE, "obfuscated", value,
                        Masking.email(value)));
            }
        }
        out.addAll(found);
    }
}
