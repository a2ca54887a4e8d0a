package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.ArrayList;
import java.util.List;

/**
 * A profile posted as bare fragments, one per line or between slashes and dashes: "Megan Hale / Cardiff Met /
 * Cathays / PureGym 7pm", "Aylin – Neukölln – FitX Hermannplatz 18 Uhr", "Алёна\nСПбГУ, журфак\nКупчино". With
 * three fragments or more, a first fragment of one to three capitalised words is her name, and the capitalised name
 * that opens each later fragment is a place of hers. Whether that exposes anyone is still the scorer's decision
 * (an image before it, words about her).
 */
final class FragmentList {

    /** Separators of fragments: a line, or a slash, a bar, a bullet or a dash set off by spaces. */
    private static final String SEPARATOR_CHARS = "/|•–—-";
    private static final int MIN_FRAGMENTS = 3;
    private static final int MAX_NAME_WORDS = 3;
    /** A fragment longer than this is a sentence, and the message is not a list. */
    private static final int MAX_FRAGMENT = 60;

    private FragmentList() {
    }

    record Fragment(EntityType type, int start, int end) {
    }

    static List<Fragment> find(ScanContext ctx) {
        String text = ctx.text();
        List<int[]> fragments = split(text);
        if (fragments.size() < MIN_FRAGMENTS) {
            return List.of();
        }
        List<Fragment> found = new ArrayList<>();
        for (int k = 0; k < fragments.size(); k++) {
            int[] f = fragments.get(k);
            if (f[1] - f[0] > MAX_FRAGMENT) {
                return List.of();
            }
            int[] name = withoutTrailingNumbers(text, QuasiIdentifierRecognizer.properNameAfter(text, f[0], false));
            if (name == null || name[1] > f[1] || name[0] != f[0] || !Character.isUpperCase(text.charAt(name[0]))
                    || name[1] - name[0] < 3 || insideCue(ctx, name)) {
                continue;
            }
            if (k == 0 && looksLikeAName(text, name)) {
                found.add(new Fragment(EntityType.PERSON_NAME, name[0], name[1]));
            } else if (k > 0) {
                found.add(new Fragment(EntityType.PLACE, name[0], name[1]));
            }
        }
        return found;
    }

    /** The name without the times and numbers after it: "FitZone 7pm" is the gym FitZone at 7pm. */
    private static int[] withoutTrailingNumbers(String text, int[] span) {
        if (span == null) {
            return null;
        }
        int end = span[1];
        int space = text.lastIndexOf(' ', end - 1);
        while (space > span[0] && Character.isDigit(text.charAt(space + 1))) {
            end = space;
            space = text.lastIndexOf(' ', end - 1);
        }
        return new int[]{span[0], end};
    }

    /** One to three words of letters, each capitalised: "Megan Hale", "Aylin", "Алёна". */
    private static boolean looksLikeAName(String text, int[] span) {
        String[] words = text.substring(span[0], span[1]).split(" ");
        if (words.length > MAX_NAME_WORDS) {
            return false;
        }
        for (String w : words) {
            if (!Character.isUpperCase(w.charAt(0)) || !w.chars().allMatch(Character::isLetter)) {
                return false;
            }
        }
        return true;
    }

    /** The fragments' spans, trimmed: split at new lines and at separator characters with a space on either side. */
    private static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length() || text.charAt(i) == '\n' || SEPARATOR_CHARS.indexOf(text.charAt(i)) >= 0
                    && i > 0 && text.charAt(i - 1) == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (end) {
                int s = start;
                int e = i;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    out.add(new int[]{s, e});
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean insideCue(ScanContext ctx, int[] span) {
        for (PhraseHit h : ctx.hits()) {
            if (h.start() < span[1] && span[0] < h.end()) {
                return true;
            }
        }
        return false;
    }
}
