package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vehicle plates in the formats distinctive enough to stand alone (upper case, letters and digits in the
 * country's fixed layout), and any plate-shaped token right after a plate label ("matrícula", "targa", "госномер").
 */
public final class PlateRecognizer implements Recognizer {

    private record Format(String name, Pattern pattern) {
    }

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    /** Cyrillic letters used on Russian plates (those with Latin look-alikes, GOST R 50577-2018). */
    private static final String RU_PLATE_CYRILLIC = "АВЕКМНОРСТУХ";
    private static final String RU_LETTERS = "[" + RU_PLATE_CYRILLIC + "ABEKMHOPCTYX]";

    private static final List<Format> DISTINCTIVE = List.of(
            new Format("ES", Pattern.compile(B + "\\d{4}[\\s-]?[BCDFGHJKLMNPRSTVWXYZ]{3}" + E)),
            new Format("FR_IT", Pattern.compile(B + "[A-HJ-NP-TV-Z]{2}[\\s-]?\\d{3}[\\s-]?[A-HJ-NP-TV-Z]{2}" + E)),
            new Format("PT", Pattern.compile(B + "(?:[A-Z]{2}-\\d{2}-[A-Z]{2}|\\d{2}-[A-Z]{2}-\\d{2}|\\d{2}-\\d{2}-[A-Z]{2}|[A-Z]{2}-\\d{2}-\\d{2})" + E)),
            new Format("BR", Pattern.compile(B + "[A-Z]{3}\\d[A-Z]\\d{2}" + E)),
            new Format("RU", Pattern.compile(B + RU_LETTERS + "\\s?\\d{3}\\s?" + RU_LETTERS + "{2}\\s?\\d{2,3}" + E)),
            new Format("CN", Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·•\\s]?[A-Z0-9]{5,6}" + E)),
            new Format("KE", Pattern.compile(B + "K[A-Z]{2}\\s?\\d{3}[A-Z]" + E)),
            new Format("AZ", Pattern.compile(B + "\\d{2}-[A-Z]{2}-\\d{3}" + E)),
            new Format("DE", Pattern.compile(B + "[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\\s?\\d{1,4}[EH]?" + E)));
    /** After a label: 4 to 10 letters and digits, both present, in up to three groups. */
    private static final Pattern LABELLED = Pattern.compile(
            B + "(?=[\\p{Lu}\\d\\s·-]*\\d)(?=[\\p{Lu}\\d\\s·-]*\\p{Lu})[\\p{Lu}\\d]{1,4}(?:[\\s·-]?[\\p{Lu}\\d]{1,4}){1,2}" + E);
    private static final int LABEL_WINDOW = 30;
    private static final double DISTINCTIVE_CONFIDENCE = 0.85;
    private static final double LABELLED_CONFIDENCE = 0.8;

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        if (ctx.digitCount() < 2) {
            return;
        }
        String text = ctx.text();
        List<Finding> found = new ArrayList<>();
        if (hasPlateLetter(text)) {
            for (Format f : DISTINCTIVE) {
                Matcher m = f.pattern().matcher(text);
                while (m.find()) {
                    add(found, m.start(), m.end(), m.group(), f.name(), DISTINCTIVE_CONFIDENCE);
                }
            }
        }
        if (ctx.has(CueKind.PLATE_LABEL)) {
            Matcher m = LABELLED.matcher(text);
            while (m.find()) {
                if (ctx.nearestBefore(m.start(), LABEL_WINDOW, CueKind.PLATE_LABEL).isPresent()) {
                    add(found, m.start(), m.end(), m.group(), "labelled", LABELLED_CONFIDENCE);
                }
            }
        }
        out.addAll(found);
    }

    /**
     * Every distinctive format has an upper-case Latin letter, or a Russian plate's Cyrillic one: chat messages with
     * digits but no capitals (times, prices, counts) cannot hold a plate, and the nine patterns need not run.
     */
    static boolean hasPlateLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || RU_PLATE_CYRILLIC.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Finding> found, int start, int end, String surface, String format, double confidence) {
        if (found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
            return;
        }
        String bare = surface.replaceAll("[\\s·•-]", "").toUpperCase(Locale.ROOT);
        found.add(new Finding(EntityType.PLATE, start, end, confidence, format, bare, Masking.keepEnds(surface, 1, 1)));
    }
}
