package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads numbers written partly or wholly in words ("seis cuatro nueve 21 88 03", "six one two, 345 678",
 * "一三八 0013 8000", "sıfır əlli beş …") into digit strings, keeping the span they cover, so that the phone
 * recogniser can hand them to libphonenumber, which validates them as it validates any number. It reads:
 * <ul>
 *   <li>number words from the lexicon's {@code numberWords} (transliterations included: "odin dva", "yao san");
 *       tens followed by a unit ("treinta y cuatro", "thirty four", "vint-i-u") make two digits, as do the French
 *       tens before ten to nineteen ("soixante-douze", "quatre-vingt-onze");</li>
 *   <li>repeats from {@code numberRepeats} ("double seven", "triple zero");</li>
 *   <li>digits with letters written for them ("5O4-18-3O", see {@link DigitLookalikes});</li>
 *   <li>a number word with one typo between two parts of a number ("seven sevn four", see
 *       {@link MisspeltNumberWords}).</li>
 * </ul>
 * A run of plain digits alone is libphonenumber's own business and is not returned.
 */
final class NumberWordReader {

    /** A spelled-out number: its digits (with a leading + if written) and the span of text it covers. */
    record Spelled(int start, int end, String digits) {
        @Override
        public String toString() {
            return "Spelled[" + start + "," + end + ")";
        }
    }

    /** Words joining tens and units: "treinta y cuatro", "vinte e dois", "thirty and four", "vint-i-u". */
    private static final Set<String> CONNECTORS = Set.of("y", "e", "i", "and", "und", "и", "na", "ve", "və", "et");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    /** Separators tolerated between the parts of one number. */
    private static final String SEPARATORS = " \t.-,/()\u00A0";
    /** Most chars between two parts of one number: a separator run or one connector word. */
    private static final int MAX_GAP = 6;
    /**
     * A number word this short ("si", "er", "ba", "u", "o") is also an everyday word in another language: a number
     * needs a longer number word, a letter written for a digit, or two such short words.
     */
    private static final int SHORT_WORD = 2;
    /** Most letters of a word checked as a misspelt number word (the longest number words are about this long). */
    private static final int MAX_MISSPELT_GAP = 16;

    private enum Source { DIGITS, WORD, SHORT_WORD, LOOKALIKE, REPEAT }

    private record Token(int start, int end, int value, String digits, Source source) {
        boolean isWord() {
            return source == Source.WORD || source == Source.SHORT_WORD;
        }
    }

    private final MisspeltNumberWords misspelt;

    NumberWordReader(MisspeltNumberWords misspelt) {
        this.misspelt = misspelt;
    }

    /** Cheap pre-check: whether the message can hold a number written with words or look-alike letters. */
    static boolean mayHold(ScanContext ctx) {
        return ctx.hits(CueKind.NUMBER_WORD).size() + ctx.hits(CueKind.NUMBER_REPEAT).size() >= 2
                || ctx.digitCount() >= 2 && DigitLookalikes.anyNextToDigit(ctx.text());
    }

    List<Spelled> read(ScanContext ctx) {
        String text = ctx.text();
        String folded = ctx.folded();
        List<Token> tokens = tokens(ctx, text);
        List<Spelled> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            StringBuilder digits = new StringBuilder();
            int longWords = 0;
            int shortWords = 0;
            int lookalikes = 0;
            int groupStart = tokens.get(i).start();
            int groupEnd = tokens.get(i).end();
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                if (j > i && !joinable(folded, tokens.get(j - 1).end(), t.start())) {
                    break;
                }
                Token next = j + 1 < tokens.size() && joinable(folded, t.end(), tokens.get(j + 1).start())
                        ? tokens.get(j + 1) : null;
                if (t.source() == Source.REPEAT) {
                    if (next == null || next.digits().length() != 1) {
                        break; // "double" not followed by one digit repeats nothing
                    }
                    digits.append(next.digits().repeat(t.value()));
                    longWords++;
                    groupEnd = next.end();
                    j += 2;
                    continue;
                }
                if (next != null && t.isWord() && next.isWord() && makesTwoDigits(t.value(), next.value())) {
                    digits.append(t.value() + next.value());
                    longWords++;
                    groupEnd = next.end();
                    j += 2;
                    continue;
                }
                digits.append(t.digits());
                switch (t.source()) {
                    case WORD -> longWords++;
                    case SHORT_WORD -> shortWords++;
                    case LOOKALIKE -> lookalikes++;
                    default -> { }
                }
                groupEnd = t.end();
                j++;
            }
            boolean read = longWords + lookalikes > 0 || shortWords >= 2;
            if (read && digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS) {
                boolean plus = groupStart > 0 && text.charAt(groupStart - 1) == '+';
                out.add(new Spelled(plus ? groupStart - 1 : groupStart, groupEnd, (plus ? "+" : "") + digits));
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    /** Tens and a unit ("thirty four"), or the French tens that count on past ten ("soixante-douze"). */
    private static boolean makesTwoDigits(int tens, int unit) {
        if (tens < 20 || tens >= 100 || tens % 10 != 0) {
            return false;
        }
        return unit > 0 && unit < 10 || (tens == 60 || tens == 80) && unit >= 10 && unit < 20;
    }

    private List<Token> tokens(ScanContext ctx, String text) {
        List<Token> tokens = new ArrayList<>();
        List<PhraseHit> words = new ArrayList<>(ctx.hits(CueKind.NUMBER_WORD));
        words.addAll(ctx.hits(CueKind.NUMBER_REPEAT));
        words.sort(Comparator.comparingInt(PhraseHit::start).thenComparing(h -> -(h.end() - h.start())));
        int lastEnd = -1;
        for (PhraseHit h : words) {
            if (h.start() >= lastEnd) {
                int v = h.phrase().value();
                Source source = h.kind() == CueKind.NUMBER_REPEAT ? Source.REPEAT
                        : h.end() - h.start() <= SHORT_WORD ? Source.SHORT_WORD : Source.WORD;
                tokens.add(new Token(h.start(), h.end(), v, Integer.toString(v), source));
                lastEnd = h.end();
            }
        }
        List<DigitLookalikes.Run> lookalikes = DigitLookalikes.runs(text);
        int nextLookalike = 0;
        for (int i = 0; i < text.length(); ) {
            if (nextLookalike < lookalikes.size() && lookalikes.get(nextLookalike).start() == i) {
                DigitLookalikes.Run r = lookalikes.get(nextLookalike++);
                tokens.add(new Token(r.start(), r.end(), 0, r.digits(), Source.LOOKALIKE));
                i = r.end();
            } else if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                int s = i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(s, i, 0, text.substring(s, i), Source.DIGITS));
            } else {
                i++;
            }
        }
        tokens.sort(Comparator.comparingInt(Token::start));
        return withMisspeltWords(tokens, ctx.folded());
    }

    /** Adds a misspelt number word that stands alone between two parts of a number ("seven sevn four"). */
    private List<Token> withMisspeltWords(List<Token> tokens, String folded) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            out.add(t);
            if (k + 1 == tokens.size() || tokens.get(k + 1).start() - t.end() > MAX_MISSPELT_GAP) {
                continue;
            }
            int from = t.end();
            int to = tokens.get(k + 1).start();
            while (from < to && SEPARATORS.indexOf(folded.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && SEPARATORS.indexOf(folded.charAt(to - 1)) >= 0) {
                to--;
            }
            if (to - from < MisspeltNumberWords.MIN_LENGTH || from - t.end() == 0 || tokens.get(k + 1).start() == to) {
                continue; // no word of its own between the two parts
            }
            String word = folded.substring(from, to);
            if (word.chars().allMatch(Character::isLetter) && !CONNECTORS.contains(word)) {
                int value = misspelt.valueOf(word);
                if (value != MisspeltNumberWords.NO_MATCH) {
                    out.add(new Token(from, to, value, Integer.toString(value), Source.WORD));
                }
            }
        }
        return out;
    }

    /** Whether only separators or one connector word (with separators around it) lie between two tokens. */
    private static boolean joinable(String folded, int from, int to) {
        if (to < from || to - from > MAX_GAP) {
            return false;
        }
        int s = from;
        int e = to;
        while (s < e && SEPARATORS.indexOf(folded.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && SEPARATORS.indexOf(folded.charAt(e - 1)) >= 0) {
            e--;
        }
        return s == e || CONNECTORS.contains(folded.substring(s, e));
    }
}
