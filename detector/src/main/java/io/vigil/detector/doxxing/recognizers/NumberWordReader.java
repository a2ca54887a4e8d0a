package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads numbers written partly or wholly in words ("seis cuatro nueve 21 88 03", "six one two, 345 678",
 * "一三八 0013 8000") into digit strings, keeping the span they cover, so that the phone recogniser can hand them
 * to libphonenumber. Number words come from the lexicon's {@code numberWords}; tens followed by a unit word
 * ("treinta y cuatro", "thirty four") make two digits.
 */
final class NumberWordReader {

    /** A spelled-out number: its digits (with a leading + if written) and the span of text it covers. */
    record Spelled(int start, int end, String digits) {
        @Override
        public String toString() {
            return "Spelled[" + start + "," + end + ")";
        }
    }

    /** Words joining tens and units: "treinta y cuatro", "vinte e dois", "thirty and four". */
    private static final Set<String> CONNECTORS = Set.of("y", "e", "i", "and", "und", "и", "na", "ve", "və", "et");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    /** Separators tolerated between the parts of one number. */
    private static final String SEPARATORS = " \t.-,/()\u00A0";

    private record Token(int start, int end, int value, int digitsLength, String digits, boolean word) {
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
            boolean anyWord = false;
            int groupStart = tokens.get(i).start();
            int groupEnd = tokens.get(i).end();
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                if (j > i && !joinable(folded, tokens.get(j - 1).end(), t.start())) {
                    break;
                }
                if (t.word() && t.value() >= 20 && t.value() % 10 == 0 && j + 1 < tokens.size()) {
                    Token u = tokens.get(j + 1);
                    if (u.word() && u.value() > 0 && u.value() < 10 && joinable(folded, t.end(), u.start())) {
                        digits.append(t.value() + u.value());
                        anyWord = true;
                        groupEnd = u.end();
                        j += 2;
                        continue;
                    }
                }
                digits.append(t.digits());
                anyWord |= t.word();
                groupEnd = t.end();
                j++;
            }
            if (anyWord && digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS) {
                boolean plus = groupStart > 0 && text.charAt(groupStart - 1) == '+';
                out.add(new Spelled(plus ? groupStart - 1 : groupStart, groupEnd, (plus ? "+" : "") + digits));
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    private static List<Token> tokens(ScanContext ctx, String text) {
        List<Token> tokens = new ArrayList<>();
        List<PhraseHit> words = new ArrayList<>(ctx.hits(CueKind.NUMBER_WORD));
        words.sort(Comparator.comparingInt(PhraseHit::start).thenComparing(h -> -(h.end() - h.start())));
        int lastEnd = -1;
        for (PhraseHit h : words) {
            if (h.start() >= lastEnd) {
                int v = h.phrase().value();
                tokens.add(new Token(h.start(), h.end(), v, 0, Integer.toString(v), true));
                lastEnd = h.end();
            }
        }
        for (int i = 0; i < text.length(); ) {
            if (Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                int s = i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(s, i, 0, i - s, text.substring(s, i), false));
            } else {
                i++;
            }
        }
        tokens.sort(Comparator.comparingInt(Token::start));
        return tokens;
    }

    /** Whether only separators or one connector word lie between two tokens. */
    private static boolean joinable(String folded, int from, int to) {
        if (to < from || to - from > 6) {
            return false;
        }
        String gap = folded.substring(from, to);
        boolean allSeparators = true;
        for (int k = 0; k < gap.length(); k++) {
            if (SEPARATORS.indexOf(gap.charAt(k)) < 0) {
                allSeparators = false;
                break;
            }
        }
        return allSeparators || CONNECTORS.contains(gap.strip());
    }
}
