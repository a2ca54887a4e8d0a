package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.List;
import java.util.Map;

/**
 * A profile written as labelled fields, the way dossiers on a woman are posted: "name: Jade W | works: Lidl Harlow |
 * shift: nights", "nombre: Aitana R. / curro: Mercadona", "姓名：王芳｜工作：星巴克". A field label of the lexicon
 * ({@code nameFields}, {@code schoolFields}, {@code workFields}, {@code placeFields}) followed by a colon names what the
 * value after it is, whatever its case or script; the value runs to the next separator of the list.
 */
public final class LabelledFields {

    /** The entity type a field label announces. */
    static final Map<CueKind, EntityType> FIELD_TYPES = Map.of(
            CueKind.NAME_FIELD, EntityType.PERSON_NAME,
            CueKind.SCHOOL_FIELD, EntityType.SCHOOL,
            CueKind.WORK_FIELD, EntityType.WORKPLACE,
            CueKind.PLACE_FIELD, EntityType.PLACE);
    /** Longest value a field may have: a name or a place with its district, not a sentence. */
    private static final int MAX_VALUE = 48;
    /** Characters that end a field's value: the separators of a list, a line, a sentence. */
    private static final String SEPARATORS = "|/;\n•·｜,，、。!?！？()[]";

    private LabelledFields() {
    }

    /** A value found after a field label: its type and span. */
    record Field(EntityType type, int start, int end) {
    }

    /** The values of the labelled fields of the text, in the order of their labels. */
    static void find(ScanContext ctx, List<Field> out) {
        for (Map.Entry<CueKind, EntityType> kind : FIELD_TYPES.entrySet()) {
            for (PhraseHit h : ctx.hits(kind.getKey())) {
                int colon = colonAfter(ctx.text(), h);
                if (colon >= 0) {
                    int[] value = valueAfter(ctx.text(), colon + 1);
                    if (value != null) {
                        out.add(new Field(kind.getValue(), value[0], value[1]));
                    }
                }
            }
        }
    }

    /**
     * Whether the label is a field's: a colon (or a full-width colon, or an equals sign) right after it, spaces
     * allowed, and the label starts the text or follows a separator or a space ("work: …", "| 工作：…").
     */
    public static boolean isField(String text, PhraseHit h) {
        return colonAfter(text, h) >= 0;
    }

    private static int colonAfter(String text, PhraseHit h) {
        int i = h.end();
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == '：' || text.charAt(i) == '=')) {
            return i;
        }
        return -1;
    }

    /** The value after the colon: trimmed, up to a separator or a dash set off by spaces, with a letter in it. */
    private static int[] valueAfter(String text, int from) {
        int s = from;
        while (s < text.length() && Character.isWhitespace(text.charAt(s)) && text.charAt(s) != '\n') {
            s++;
        }
        int e = s;
        while (e < text.length() && e - s <= MAX_VALUE && SEPARATORS.indexOf(text.charAt(e)) < 0
                && !dashBetweenSpaces(text, e) && !sentenceEnd(text, e)) {
            e++;
        }
        if (e - s > MAX_VALUE) {
            return null; // a sentence, not a field's value
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        for (int i = s; i < e; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return new int[]{s, e};
            }
        }
        return null;
    }

    /** A full stop before a space or the end, unless it closes an initial ("Aitana R. / …"). */
    private static boolean sentenceEnd(String text, int i) {
        if (text.charAt(i) != '.' || i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        boolean initial = i >= 1 && Character.isUpperCase(text.charAt(i - 1))
                && (i == 1 || !Character.isLetter(text.charAt(i - 2)));
        return !initial;
    }

    private static boolean dashBetweenSpaces(String text, int i) {
        char c = text.charAt(i);
        return (c == '-' || c == '–' || c == '—') && i > 0 && text.charAt(i - 1) == ' '
                && i + 1 < text.length() && text.charAt(i + 1) == ' ';
    }
}
