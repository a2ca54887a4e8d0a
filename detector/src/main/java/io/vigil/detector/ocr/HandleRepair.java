package io.vigil.detector.ocr;

import io.vigil.detector.doxxing.lexicon.TextFolding;
import io.vigil.detector.doxxing.recognizers.SocialPlatforms;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back the {@code @} that OCR misreads at the start of a handle. Tesseract reads the at-sign of small or noisy
 * text as {@code ©}, {@code O}, {@code 0} or {@code Q} glued to the name ({@code insta ©maria.lopez42},
 * {@code ig Omaria.lopez42}), and the recogniser then sees no handle. A misread sign is repaired where the context says
 * a handle follows: {@code ©} glued to a handle-shaped name (no text has a copyright sign there), and {@code O},
 * {@code 0} or {@code Q} glued to a lower-case name with a digit, dot or underscore right after a platform's label
 * ("insta", "tiktok:", "телега"). The repair replaces one character by one, so every offset and word box of the read text stays valid.
 */
public final class HandleRepair {

    /** A misread sign glued to a handle-shaped name: letters, digits, dots and underscores, one letter at least. */
    private static final Pattern MISREAD = Pattern.compile(
            "(?<![\\p{L}\\p{N}@._])([©®OQ0])([\\p{Ll}\\d._]*\\p{Ll}[\\p{Ll}\\d._]*)(?![\\p{L}\\p{N}@])");
    /** What a handle has and a word has not. */
    private static final Pattern HANDLE_MARK = Pattern.compile("[\\d._]");
    /** How far before the sign the platform's label may end (a colon, spaces, a dash). */
    private static final int LABEL_WINDOW = 4;
    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 30;
    /** Longest label looked for before a misread sign, in chars. */
    private static final int LONGEST_LABEL = 16;

    private final Set<String> labels;

    public HandleRepair(SocialPlatforms platforms) {
        Set<String> all = new HashSet<>();
        for (SocialPlatforms.Platform p : platforms.platforms()) {
            for (String label : p.labels()) {
                all.add(TextFolding.fold(label.endsWith(":") ? label.substring(0, label.length() - 1) : label));
            }
        }
        this.labels = Set.copyOf(all);
    }

    public static HandleRepair bundled() {
        return new HandleRepair(SocialPlatforms.bundled());
    }

    /** A repair that changes nothing: what OCR reads, as read (for measuring what the repair adds). */
    public static HandleRepair none() {
        return new HandleRepair(new SocialPlatforms(List.of()));
    }

    /** The text with misread at-signs put back; the same string when there is nothing to repair. */
    public String repair(String text) {
        if (labels.isEmpty()) {
            return text;
        }
        Matcher m = MISREAD.matcher(text);
        StringBuilder out = null;
        while (m.find()) {
            String name = m.group(2);
            if (name.length() < MIN_NAME || name.length() > MAX_NAME) {
                continue;
            }
            char sign = m.group(1).charAt(0);
            boolean copyright = sign == '©' || sign == '®';
            // "insta Olivia" is a name; "insta Omaria.lopez42" a handle: a digit, dot or underscore tells them apart.
            if (!copyright && (!afterLabel(text, m.start()) || !HANDLE_MARK.matcher(name).find())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text);
            }
            out.setCharAt(m.start(1), '@');
        }
        return out == null ? text : out.toString();
    }

    /** The read text with misread at-signs put back; words and boxes unchanged. */
    public ReadText repair(ReadText read) {
        String repaired = repair(read.text());
        return repaired.equals(read.text()) ? read : new ReadText(repaired, read.words());
    }

    /** Whether a platform's label ends just before {@code at} on the same line ("insta ", "tiktok: "). */
    private boolean afterLabel(String text, int at) {
        int e = at;
        while (e > 0 && at - e < LABEL_WINDOW && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == ':'
                || text.charAt(e - 1) == '-')) {
            e--;
        }
        if (e == at) {
            return false;
        }
        String before = TextFolding.fold(text.substring(Math.max(0, e - LONGEST_LABEL), e));
        for (String label : labels) {
            if (before.endsWith(label)) {
                int s = before.length() - label.length();
                if (s == 0 || !Character.isLetterOrDigit(before.charAt(s - 1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
