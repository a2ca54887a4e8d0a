package io.vigil.detector.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Tesseract languages to read an image in, from the group's hints: its language (BCP 47) first, then the
 * languages of its country, then the always-read ones (English: interface words and Latin digits of screenshots).
 * Only languages whose trained data is installed are used.
 */
public final class OcrLanguages {

    private final Map<String, String> byLanguage;
    private final Map<String, List<String>> byCountry;
    private final List<String> always;
    private final Optional<Path> tessdata;

    /**
     * @param byLanguage ISO 639-1 language to Tesseract code ("es" to "spa")
     * @param byCountry  ISO 3166 country to Tesseract codes ("KE" to swa, eng)
     * @param always     codes read on every image
     * @param tessdata   directory of {@code <code>.traineddata}; empty: do not check what is installed
     */
    public OcrLanguages(Map<String, String> byLanguage, Map<String, List<String>> byCountry, List<String> always,
                        Optional<Path> tessdata) {
        this.byLanguage = Map.copyOf(byLanguage);
        this.byCountry = Map.copyOf(byCountry);
        this.always = List.copyOf(always);
        this.tessdata = tessdata;
    }

    /** The languages for a group's hints, most likely first, at most {@code max}. */
    public List<String> forHints(Optional<String> languageHint, Optional<String> countryHint, int max) {
        List<String> out = new ArrayList<>();
        languageHint.map(l -> l.toLowerCase(Locale.ROOT).split("[-_]")[0]).map(byLanguage::get).ifPresent(out::add);
        countryHint.map(c -> c.toUpperCase(Locale.ROOT)).map(byCountry::get).ifPresent(out::addAll);
        out.addAll(always);
        List<String> installed = new ArrayList<>();
        for (String code : out) {
            if (!installed.contains(code) && installed.size() < max && isInstalled(code)) {
                installed.add(code);
            }
        }
        return installed;
    }

    public boolean isInstalled(String code) {
        return tessdata.map(dir -> Files.isRegularFile(dir.resolve(code + ".traineddata"))).orElse(true);
    }

    /** Where Debian and most distributions install Tesseract 5's data, unless TESSDATA_PREFIX says otherwise. */
    public static Optional<Path> defaultTessdata() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        for (String candidate : prefix == null ? List.of("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tessdata",
                "/usr/local/share/tessdata") : List.of(prefix)) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
