package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity numbers. A format with a distinctive shape and a check digit (Spanish DNI/NIE, Italian codice fiscale,
 * French NIR, formatted Brazilian CPF, Chinese resident ID, MyKad with its dashes, SNILS with its dashes) is an ID on
 * its own. A bare run of digits could be anything, so it is an ID only next to the name of its document ("CPF",
 * "ИНН", "NIF", "carné"), and it must still pass its check where one exists: an invalid checksum is not an ID.
 */
public final class NationalIdRecognizer implements Recognizer {

    /** Document names count this many chars before the number, or this many after ("… es su DNI"). */
    private static final int LABEL_BEFORE = 32;
    private static final int LABEL_AFTER = 14;

    private record Format(String name, Pattern pattern, Predicate<String> valid, Set<String> labels,
                          boolean genericLabelsToo, double confidence, Set<String> countries) {
        Format(String name, Pattern pattern, Predicate<String> valid, Set<String> labels, boolean genericLabelsToo,
               double confidence) {
            this(name, pattern, valid, labels, genericLabelsToo, confidence, Set.of());
        }

        /** Formats without a check digit only apply in their own country's groups (or where the country is unknown). */
        boolean appliesTo(java.util.Optional<String> region) {
            return countries.isEmpty() || region.isEmpty() || countries.contains(region.get());
        }

        boolean needsLabel() {
            return !labels.isEmpty() || genericLabelsToo;
        }
    }

    private static final Set<String> NONE = Set.of();

    private static final List<Format> FORMATS = List.of(
            new Format("ES_DNI", Pattern.compile("(?<![\\p{L}\\p{N}])\\d{8}(?:-?[A-Za-z]|\\s[A-Z])(?![\\p{L}\\p{N}])"),
                    s -> Checksums.spanishDni(s.substring(0, 8), s.charAt(8)), NONE, false, 0.95),
            new Format("ES_DNI", Pattern.compile("(?<![\\p{L}\\p{N}.])\\d{2}\\.\\d{3}\\.\\d{3}[\\s-]?[A-Za-z](?![\\p{L}\\p{N}])"),
                    s -> Checksums.spanishDni(s.substring(0, 8), s.charAt(8)), NONE, false, 0.95),
            new Format("ES_NIE", Pattern.compile("(?<![\\p{L}\\p{N}])[XYZxyz][\\s-]?\\d{7}(?:-?[A-Za-z]|\\s[A-Z])(?![\\p{L}\\p{N}])"),
                    s -> Checksums.spanishNie(s.charAt(0), s.substring(1, 8), s.charAt(8)), NONE, false, 0.95),
            new Format("IT_CF", Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-EHLMPR-Ta-ehlmpr-t]"
                    + "[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![\\p{L}\\p{N}])"),
                    Checksums::italianCodiceFiscale, NONE, false, 0.95),
            new Format("FR_NIR", Pattern.compile("(?<![\\p{N}])[1-478]\\s?\\d{2}\\s?\\d{2}\\s?(?:\\d{2}|2[ABab])\\s?\\d{3}\\s?\\d{3}\\s?\\d{2}(?![\\p{N}])"),
                    Checksums::frenchNir, NONE, false, 0.9),
            new Format("BR_CPF", Pattern.compile("(?<![\\p{N}.])\\d{3}\\.\\d{3}\\.\\d{3}[-.]\\d{2}(?![\\p{N}])"),
                    Checksums::brazilianCpf, NONE, false, 0.95),
            new Format("BR_CPF", Pattern.compile("(?<![\\p{N}.])\\d{3}\\s?\\d{3}\\s?\\d{3}\\s?-?\\s?\\d{2}(?![\\p{N}])"),
                    Checksums::brazilianCpf, Set.of("cpf"), false, 0.9),
            new Format("CN_RIC", Pattern.compile("(?<![\\p{N}])\\d{6}\\s?(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\s?\\d{3}[0-9Xx](?![\\p{N}A-Za-z])"),
                    Checksums::chineseResidentId, NONE, false, 0.95),
            new Format("MY_NRIC", Pattern.compile("(?<![\\p{N}-])\\d{6}-\\d{2}-\\d{4}(?![\\p{N}-])"),
                    Checksums::malaysianMyKad, NONE, false, 0.9),
            new Format("MY_NRIC", Pattern.compile("(?<![\\p{N}])\\d{6}\\s?\\d{2}\\s?\\d{4}(?![\\p{N}])"),
                    Checksums::malaysianMyKad, Set.of("ic", "mykad", "nric", "kad pengenalan", "no kp", "kp"), false, 0.85),
            new Format("RU_SNILS", Pattern.compile("(?<![\\p{N}-])\\d{3}-\\d{3}-\\d{3}[\\s-]\\d{2}(?![\\p{N}])"),
                    Checksums::russianSnils, NONE, false, 0.9),
            new Format("RU_SNILS", Pattern.compile("(?<![\\p{N}])\\d{3}\\s?\\d{3}\\s?\\d{3}\\s?\\d{2}(?![\\p{N}])"),
                    Checksums::russianSnils, Set.of("снилс", "snils"), false, 0.85),
            new Format("RU_INN", Pattern.compile("(?<![\\p{N}])\\d{10}(?:\\d{2})?(?![\\p{N}])"),
                    Checksums::russianInn, Set.of("инн", "inn"), false, 0.9),
            new Format("PT_NIF", Pattern.compile("(?<![\\p{N}])\\d{3}\\s?\\d{3}\\s?\\d{3}(?![\\p{N}])"),
                    Checksums::portugueseNif, Set.of("nif", "contribuinte", "n.i.f.", "nº contribuinte"), false, 0.9),
            new Format("DE_IDNR", Pattern.compile("(?<![\\p{N}])\\d{2}\\s?\\d{3}\\s?\\d{3}\\s?\\d{3}(?![\\p{N}])"),
                    Checksums::germanTaxId, Set.of("steuer-id", "steuerid", "steuer id", "idnr", "identifikationsnummer"), false, 0.9),
            new Format("CU_CI", Pattern.compile("(?<![\\p{N}])\\d{11}(?![\\p{N}])"),
                    Checksums::cubanCi, Set.of("carne", "carnet", "ci", "c.i.", "carne de identidad", "carnet de identidad"), false, 0.85, Set.of("CU")),
            new Format("RU_PASSPORT", Pattern.compile("(?<![\\p{N}])\\d{2}\\s?\\d{2}\\s?№?\\s?\\d{6}(?![\\p{N}])"),
                    s -> true, Set.of("паспорт", "паспорта", "серия", "passport"), false, 0.75, Set.of("RU")),
            new Format("KE_ID", Pattern.compile("(?<![\\p{N}])\\d{7,8}(?![\\p{N}])"),
                    s -> true, Set.of("kitambulisho", "id no", "id number", "national id", "id"), false, 0.7, Set.of("KE")),
            new Format("AZ_FIN", Pattern.compile("(?<![\\p{L}\\p{N}])(?=[0-9A-Z]*[0-9])(?=[0-9A-Z]*[A-Z])[0-9A-Z]{7}(?![\\p{L}\\p{N}])"),
                    s -> true, Set.of("fin", "fin kod", "fin kodu", "fin-kod"), false, 0.75, Set.of("AZ")),
            // UK National Insurance number: no check digit, so only after its name.
            new Format("GB_NINO", Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D](?![\\p{L}\\p{N}])"),
                    s -> true, Set.of("ni", "nino", "ni number", "national insurance"), false, 0.8),
            new Format("PASSPORT", Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{1,3}\\s?\\d{6,8}(?![\\p{L}\\p{N}])"),
                    s -> true, Set.of("passport", "pasaporte", "passaporto", "passaporte", "passeport", "reisepass", "pasport", "pasipoti", "护照"), false, 0.75)
    );

    /**
     * Fewest ASCII digits a match of each format has, counted off its pattern (an ES_DNI is eight digits and a letter,
     * a CN_RIC seventeen digits and a check char): a message with fewer digits in all cannot hold one, and the
     * pattern need not run. Formats with the same name have the same count; a format not listed here is always tried.
     */
    private static final Map<String, Integer> FEWEST_DIGITS = Map.ofEntries(
            Map.entry("ES_DNI", 8), Map.entry("ES_NIE", 7), Map.entry("FR_NIR", 14), Map.entry("BR_CPF", 11),
            Map.entry("CN_RIC", 17), Map.entry("MY_NRIC", 12), Map.entry("RU_SNILS", 11), Map.entry("RU_INN", 10),
            Map.entry("PT_NIF", 9), Map.entry("DE_IDNR", 11), Map.entry("CU_CI", 11), Map.entry("RU_PASSPORT", 10),
            Map.entry("KE_ID", 7), Map.entry("GB_NINO", 6), Map.entry("PASSPORT", 6));

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        if (ctx.digitCount() < 3) {
            return;
        }
        String text = ctx.text();
        List<Finding> found = new ArrayList<>();
        for (Format format : FORMATS) {
            if (!format.appliesTo(ctx.region()) || ctx.digitCount() < FEWEST_DIGITS.getOrDefault(format.name(), 0)
                    || !labelPossible(ctx.folded(), format)) {
                continue;
            }
            Matcher m = format.pattern().matcher(text);
            while (m.find()) {
                String bare = m.group().replaceAll("[\\s.\\-№]", "").toUpperCase(Locale.ROOT);
                if (!format.valid().test(bare)) {
                    continue;
                }
                if (format.needsLabel() && !labelled(ctx, m.start(), m.end(), format)) {
                    continue;
                }
                int start = m.start();
                int end = m.end();
                if (found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                found.add(new Finding(EntityType.NATIONAL_ID, start, end, format.confidence(), format.name(),
                        format.name() + ":" + bare, Masking.keepEnds(m.group(), 0, 2)));
            }
        }
        out.addAll(found);
    }

    /**
     * Whether a format that needs its own label (and not the generic ID labels) can find one: the label is looked
     * for in the folded text around the number, so a text without it anywhere cannot have it there, and the format's
     * pattern need not run.
     */
    private static boolean labelPossible(String folded, Format format) {
        if (!format.needsLabel() || format.genericLabelsToo()) {
            return true;
        }
        for (String label : format.labels()) {
            if (folded.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean labelled(ScanContext ctx, int start, int end, Format format) {
        String folded = ctx.folded();
        String before = folded.substring(Math.max(0, start - LABEL_BEFORE), start);
        String after = folded.substring(end, Math.min(folded.length(), end + LABEL_AFTER));
        for (String label : format.labels()) {
            if (containsWord(before, label) || containsWord(after, label)) {
                return true;
            }
        }
        return format.genericLabelsToo() && ctx.near(CueKind.ID_LABEL, start, end, LABEL_BEFORE, LABEL_AFTER);
    }

    static boolean containsWord(String haystack, String word) {
        int i = haystack.indexOf(word);
        while (i >= 0) {
            boolean startOk = i == 0 || !isWordChar(haystack.charAt(i - 1));
            int e = i + word.length();
            boolean endOk = e >= haystack.length() || !isWordChar(haystack.charAt(e));
            if (startOk && endOk) {
                return true;
            }
            i = haystack.indexOf(word, i + 1);
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !io.vigil.detector.doxxing.lexicon.PhraseMatcher.isIdeographic(c);
    }
}
