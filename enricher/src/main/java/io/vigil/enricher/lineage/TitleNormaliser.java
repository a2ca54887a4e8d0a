package io.vigil.enricher.lineage;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Titles as a re-created group rewrites them: "Chicas Madrid 🔥" becomes "Chicas Madrid 2.0", "NEW chicas madrid",
 * "Chicas Madrid (backup)". Normalising folds case and accents, drops emoji, digits and punctuation, and drops the
 * words that mark a copy ("backup", "new", "reserva", "2.0", ...) in the languages of the documented groups; what
 * remains is compared by character trigrams.
 */
public final class TitleNormaliser {

    /** Words that mark a re-created or backup chat, and generic chat words, in the documented groups' languages. */
    static final Set<String> COPY_MARKERS = Set.of(
            "new", "backup", "back", "up", "reserve", "spare", "official", "real", "original", "only", "the", "v", "version", "part",
            "group", "chat", "channel", "club", "vip", "free", "link", "mirror", "copy",
            "nuevo", "nueva", "reserva", "respaldo", "oficial", "grupo", "canal", "copia", "el", "la", "los", "las",
            "novo", "nova", "backupp", "oficiais", "gruppo", "nuovo", "nuova", "ufficiale", "neu", "neue", "gruppe", "kanal",
            "nouveau", "nouvelle", "groupe", "officiel", "sauvegarde", "baru", "kumpulan", "yeni", "qrup", "mpya",
            "новый", "новая", "новые", "резерв", "резервный", "запасной", "запасная", "группа", "канал", "чат", "официальный",
            "新", "备用", "群", "频道");

    private TitleNormaliser() {
    }

    public static String normalise(String title) {
        if (title == null) {
            return "";
        }
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String lettersOnly = folded.replaceAll("[^\\p{L}]+", " ");
        return Arrays.stream(lettersOnly.trim().split("\\s+")).filter(w -> !w.isEmpty() && !COPY_MARKERS.contains(w))
                .collect(Collectors.joining(" "));
    }

    /** Jaccard similarity of the character trigrams of two normalised titles; 0 when either is too short to say. */
    public static double similarity(String normalisedA, String normalisedB) {
        Set<String> a = trigrams(normalisedA);
        Set<String> b = trigrams(normalisedB);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }

    /** Words of a normalised title that are worth looking chats up by. */
    public static Set<String> keywords(String normalised) {
        return Arrays.stream(normalised.split(" ")).filter(w -> w.codePointCount(0, w.length()) >= 3).collect(Collectors.toSet());
    }

    private static Set<String> trigrams(String s) {
        String padded = " " + s + " ";
        Set<String> grams = new HashSet<>();
        int[] cps = padded.codePoints().toArray();
        if (s.isBlank() || cps.length < 5) {
            return grams;
        }
        for (int i = 0; i + 3 <= cps.length; i++) {
            grams.add(new String(cps, i, 3));
        }
        return grams;
    }
}
