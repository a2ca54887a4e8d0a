package io.vigil.detector.doxxing.lexicon;

import java.text.Normalizer;

/**
 * Length-preserving folding for keyword matching: lower case and accents removed, one char for one char, so that an
 * offset in the folded text is the same offset in the original. "Número", "NUMERO" and "numero" all fold to
 * "numero"; Azerbaijani dotless ı folds to i, and Cyrillic ё to е, as writers use them interchangeably.
 */
public final class TextFolding {

    private static final char[] FOLD = buildTable();

    private TextFolding() {
    }

    public static char fold(char c) {
        return FOLD[c];
    }

    public static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = FOLD[text.charAt(i)];
        }
        return new String(out);
    }

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char lower = Character.toLowerCase((char) c);
            table[c] = lower;
            if (Character.isSurrogate((char) c) || lower < 0x80) {
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            if (decomposed.length() > 1 && Character.isLetter(decomposed.charAt(0))
                    && isAllCombining(decomposed.substring(1))) {
                table[c] = decomposed.charAt(0);
            }
        }
        table['ı'] = 'i';
        table['İ'] = 'i';
        table['’'] = '\'';
        table['‘'] = '\'';
        table['\u00A0'] = ' ';
        table['\u202F'] = ' ';
        table['ё'] = 'е';
        table['Ё'] = 'е';
        table['й'] = 'й';
        table['Й'] = 'й';
        return table;
    }

    private static boolean isAllCombining(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.getType(s.charAt(i)) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return true;
    }
}
