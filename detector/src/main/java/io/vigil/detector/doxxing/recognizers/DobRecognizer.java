package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a plausible birth date (a real calendar date, in the last 100 years and at least 8 years ago)
 * that follows a birth label ("nacida el", "date of birth", "д.р.", "出生") or sits right after a person's name
 * ("Paula Ortega, 03-11-2006", "María López (12/03/1998)"). Numeric, month-name and Chinese forms.
 */
public final class DobRecognizer implements Recognizer {

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/.-]*\\d)");
    private static final Pattern ISO = Pattern.compile("(?<![\\d/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]");
    /** "12 de marzo de 1998", "12 March 1998", "12 марта 1998 г.": day, words, year around a month name. */
    private static final Pattern DAY_BEFORE = Pattern.compile("(\\d{1,2})(?:º|er|st|nd|rd|th|\\.)?\\s*(?:de\\s+|di\\s+)?$");
    private static final Pattern YEAR_AFTER = Pattern.compile("^,?\\s*(?:de\\s+|del\\s+|of\\s+)?(\\d{4})(?:\\s*(?:г\\.|года|r\\.))?");
    private static final Pattern MONTH_FIRST = Pattern.compile("^\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4})");
    /** A capitalised name of one to four words, then a separator, just before the date. */
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "(?:\\p{Lu}[\\p{L}'’-]+\\.?)(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?|de|da|do|dos|del|van|von|di|le|la)){0,3}\\s*[,(\\-–:]\\s*$");
    private static final int LABEL_WINDOW = 32;
    private static final int MIN_AGE_YEARS = 8;
    private static final int MAX_AGE_YEARS = 100;
    private static final double LABELLED_CONFIDENCE = 0.9;
    private static final double NAMED_CONFIDENCE = 0.75;

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        if (ctx.digitCount() < 4) {
            return;
        }
        String text = ctx.text();
        List<Finding> found = new ArrayList<>();
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            int y = year(m.group(4));
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            // Day first, as written everywhere the detector is deployed; month-first only when day-first is impossible.
            boolean monthFirst = second > 12 && first <= 12;
            consider(ctx, found, m.start(), m.end(), y, monthFirst ? first : second, monthFirst ? second : first);
        }
        m = ISO.matcher(text);
        while (m.find()) {
            consider(ctx, found, m.start(), m.end(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        m = CHINESE.matcher(text);
        while (m.find()) {
            consider(ctx, found, m.start(), m.end(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        for (PhraseHit month : ctx.hits(CueKind.MONTH)) {
            String before = text.substring(Math.max(0, month.start() - 8), month.start());
            String after = text.substring(month.end(), Math.min(text.length(), month.end() + 14));
            Matcher d = DAY_BEFORE.matcher(before);
            Matcher y = YEAR_AFTER.matcher(after);
            if (d.find() && y.find()) {
                int start = month.start() - (before.length() - d.start());
                consider(ctx, found, start, month.end() + y.end(), Integer.parseInt(y.group(1)),
                        month.phrase().value(), Integer.parseInt(d.group(1)));
                continue;
            }
            Matcher mf = MONTH_FIRST.matcher(after);
            if (mf.find()) {
                consider(ctx, found, month.start(), month.end() + mf.end(), Integer.parseInt(mf.group(2)),
                        month.phrase().value(), Integer.parseInt(mf.group(1)));
            }
        }
        out.addAll(found);
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        if (y.length() == 4) {
            return v;
        }
        int century = LocalDate.now().getYear() / 100 * 100;
        return century + v > LocalDate.now().getYear() ? century - 100 + v : century + v;
    }

    private static void consider(ScanContext ctx, List<Finding> found, int start, int end, int year, int month, int day) {
        if (!Checksums.isDate(year, month, day) || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
            return;
        }
        int age = LocalDate.now().getYear() - year;
        if (age < MIN_AGE_YEARS || age > MAX_AGE_YEARS) {
            return;
        }
        double confidence;
        if (ctx.nearestBefore(start, LABEL_WINDOW, CueKind.DOB_LABEL).isPresent()) {
            confidence = LABELLED_CONFIDENCE;
        } else if (NAME_BEFORE.matcher(ctx.text().substring(Math.max(0, start - 48), start)).find()) {
            confidence = NAMED_CONFIDENCE;
        } else {
            return;
        }
        String iso = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        found.add(new Finding(EntityType.DOB, start, end, confidence, "date", iso, "••/••/" + year));
    }
}
