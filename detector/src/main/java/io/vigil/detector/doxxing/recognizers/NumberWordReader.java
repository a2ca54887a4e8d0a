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

    /**
     * A spelled-out number: its digits (with a leading + if written), the span of text it covers, and the languages
     * of its number words, which tell where it may be from when the group's country is unknown.
     */
    record Spelled(int start, int end, String digits, Set<String> languages, List<Spelled> fallbacks) {

        /** This reading, then the shorter ones to try when it is no phone. */
        List<Spelled> candidates() {
            List<Spelled> all = new ArrayList<>(1 + fallbacks.size());
            all.add(this);
            all.addAll(fallbacks);
            return all;
        }

        Spelled withFallbacks(List<Spelled> shorter) {
            return new Spelled(start, end, digits, languages, List.copyOf(shorter));
        }

        @Override
        public String toString() {
            return "Spelled[" + start + "," + end + ")";
        }
    }

    /** Words joining tens and units: "treinta y cuatro", "vinte e dois", "thirty and four", "vint-i-u". */
    private static final Set<String> CONNECTORS = Set.of("y", "e", "i", "and", "und", "и", "na", "ve", "və", "et");
    private static final int MIN_DIGITS = 7;
    /** Words read aloud for a leading + (folded): English and French, Spanish, Italian, Portuguese, Russian. */
    private static final Set<String> PLUS_WORDS = Set.of("plus", "mas", "piu", "mais", "плюс", "plyus", "pljus");
    private static final int LONGEST_PLUS_WORD = 5;
    /** A day, month and four-digit year, or a year, month and day: a date, whatever words surround it. */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "(?<!\\d)(?:(?:0?[1-9]|[12]\\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)\\d\\d"
                    + "|(?:19|20)\\d\\d[./-](?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\\d|3[01]))(?!\\d)");
    /** Chinese reads + as 加 ("加八六 …"). */
    private static final char CHINESE_PLUS = '加';
    /** Shorter readings tried for a group that is no phone as a whole: bounded work per group. */
    private static final int MAX_FALLBACKS = 4;
    private static final String FRENCH = "fr";
    /**
     * Languages whose word for a hundred is multiplied by the unit before it ("six hundred", "six cents", "altı yüz",
     * "sechs hundert", "enam ratus"); elsewhere a unit before it is a digit of its own ("шесть, сто двадцать три"
     * is 6 123: Russian, Spanish, Italian and Portuguese have a word for each hundred).
     */
    private static final Set<String> MULTIPLIED_HUNDREDS = Set.of("en", "fr", "az", "de", "ms", "ca");
    /** French eighty, "quatre-vingts": four twenties. */
    private static final int FOUR_TWENTIES = 80;
    /** German says the unit before the tens, joined by "und": "dreiundvierzig", or apart, "drei und vierzig". */
    private static final String GERMAN_AND = "und";
    private static final int MAX_DIGITS = 15;
    /** The value of a hundreds word that multiplies the unit before it: "nine hundred", "neuf cent", "dörd yüz". */
    private static final int HUNDRED = 100;
    /** Most chars between two parts of one number: a separator run or one connector word. */
    private static final int MAX_GAP = 6;
    /**
     * A number word this short ("si", "er", "ba", "u", "o") is also an everyday word in another language: a number
     * needs a longer number word, a letter written for a digit, or two such short words.
     */
    private static final int SHORT_WORD = 2;
    /** Most letters of a word checked as a misspelt number word (the longest number words are about this long). */
    private static final int MAX_MISSPELT_GAP = 16;
    /**
     * Passes that look for misspelt words next to the words found: two typos in a row ("sinko nuebe") take two
     * passes. Each pass is linear in the tokens, so a fixed number of passes keeps the reading linear.
     */
    private static final int MISSPELT_PASSES = 3;

    private enum Source { DIGITS, WORD, SHORT_WORD, MISSPELT, LOOKALIKE, REPEAT }

    /** One part of a number; {@code language} is the number word's language, or null for digits. */
    private record Token(int start, int end, int value, String digits, Source source, String language) {
        boolean isWord() {
            return source == Source.WORD || source == Source.SHORT_WORD || source == Source.MISSPELT;
        }
    }

    private final MisspeltNumberWords misspelt;

    NumberWordReader(MisspeltNumberWords misspelt) {
        this.misspelt = misspelt;
    }

    /**
     * Cheap pre-check: whether the message can hold a number written with words, look-alike letters or separators
     * libphonenumber does not read. One number word with a few digits is enough ("sinco dos 345 678"): the misspelt
     * words around it are only found by reading.
     */
    static boolean mayHold(ScanContext ctx) {
        int words = ctx.hits(CueKind.NUMBER_WORD).size() + ctx.hits(CueKind.NUMBER_REPEAT).size();
        return words >= 2 || words == 1 && ctx.digitCount() >= 3
                || ctx.digitCount() >= 2 && DigitLookalikes.anyNextToDigit(ctx.text())
                || DigitLookalikes.anyGlyph(ctx.text())
                || ctx.digitCount() >= MIN_DIGITS && hasOddSeparator(ctx.text(), 0, ctx.text().length());
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
            int oddGaps = 0;
            int lastOddGap = 0;
            int gaps = 0;
            int secondStart = -1;
            int groupStart = tokens.get(i).start();
            int groupEnd = tokens.get(i).end();
            Set<String> languages = new java.util.LinkedHashSet<>();
            List<int[]> partEnds = new ArrayList<>();
            while (j < tokens.size()) {
                if (j > i) {
                    partEnds.add(new int[]{groupEnd, digits.length(),
                            tokens.get(j - 1).source() == Source.MISSPELT ? 1 : 0});
                }
                Token t = tokens.get(j);
                if (j > i && !joinable(folded, tokens.get(j - 1).end(), t.start())) {
                    break;
                }
                if (t.language() != null) {
                    languages.add(t.language());
                }
                if (j > i) {
                    gaps++;
                    if (hasOddSeparator(folded, tokens.get(j - 1).end(), t.start())) {
                        oddGaps++;
                        lastOddGap = gaps;
                    }
                    if (secondStart < 0) {
                        secondStart = t.start();
                    }
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
                int[] compound = t.isWord() ? compound(tokens, j, folded) : null;
                if (compound != null) {
                    digits.append(compound[0] >= HUNDRED ? String.format(java.util.Locale.ROOT, "%03d", compound[0])
                            : Integer.toString(compound[0]));
                    longWords++;
                    groupEnd = tokens.get(compound[1] - 1).end();
                    j = compound[1];
                    continue;
                }
                digits.append(t.digits());
                switch (t.source()) {
                    case WORD, MISSPELT -> longWords++;
                    case SHORT_WORD -> shortWords++;
                    case LOOKALIKE -> lookalikes++;
                    default -> { }
                }
                groupEnd = t.end();
                j++;
            }
            // Digits alone are read here when separators libphonenumber does not read split them ("6❤1❤2❤…",
            // "654 · 20 · 19 · 88"); one emoji or fullwidth comma at an end ("… 73 84 😉 20") only ends the number.
            boolean oddlySeparated = oddGaps >= 2 || oddGaps == 1 && lastOddGap != 1 && lastOddGap != gaps;
            boolean read = longWords + lookalikes > 0 || shortWords >= 2 || oddlySeparated;
            if (read && digits.length() >= MIN_DIGITS) {
                Spelled s = spelled(text, folded, groupStart, groupEnd, digits.toString(), Set.copyOf(languages),
                        partEnds, secondStart);
                if (s != null) {
                    out.add(s);
                }
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    /**
     * The reading of one group: with a leading + when a + or a word for it ("plus", "más", "плюс") comes first;
     * then, for a group that runs on past its number ("… siete ocho, 20 años"), its shorter readings that end
     * between two parts, longest first, at most {@link #MAX_FALLBACKS}; and without the + read from a word, since
     * "mas" is also "but".
     */
    private static Spelled spelled(String text, String folded, int start, int end, String digits,
                                   Set<String> languages, List<int[]> partEnds, int secondStart) {
        if (DATE.matcher(text.substring(start, end)).find()) {
            return null; // "12-06-2025 saa mbili": a date and a time of day
        }
        if (start > 0 && text.charAt(start - 1) == '(' && text.substring(start, end).indexOf(')') >= 0) {
            start--; // "(2l) 9 8 8 O 7 …": the area code's bracket belongs to the number
        }
        boolean plusSign = start > 0 && text.charAt(start - 1) == '+';
        int plusWord = plusSign ? -1 : plusWordBefore(folded, start);
        List<Spelled> fallbacks = new ArrayList<>();
        if (plusWord >= 0 && digits.length() <= MAX_DIGITS) {
            fallbacks.add(new Spelled(start, end, digits, languages, List.of()));
        }
        int from = plusSign ? start - 1 : plusWord >= 0 ? plusWord : start;
        String prefix = plusSign || plusWord >= 0 ? "+" : "";
        if (!partEnds.isEmpty() && secondStart > 0 && !plusSign && plusWord < 0) {
            // "ring me on oh eight five …": a number word of another language before the number ("on" is ten in
            // Azerbaijani) is left out
            String rest = digits.substring(partEnds.get(0)[1]);
            if (rest.length() >= MIN_DIGITS && rest.length() <= MAX_DIGITS) {
                fallbacks.add(new Spelled(secondStart, end, rest, languages, List.of()));
            }
        }
        for (int k = partEnds.size() - 1; k >= 0 && fallbacks.size() < MAX_FALLBACKS; k--) {
            int[] cut = partEnds.get(k);
            // a reading never ends on a guessed typo ("… 2025 saa"): the typo was only read as a part of the whole
            if (cut[1] >= MIN_DIGITS && cut[1] <= MAX_DIGITS && cut[0] < end && cut[2] == 0) {
                fallbacks.add(new Spelled(from, cut[0], prefix + digits.substring(0, cut[1]), languages, List.of()));
            }
        }
        if (digits.length() > MAX_DIGITS) {
            return fallbacks.isEmpty() ? null : fallbacks.get(0).withFallbacks(fallbacks.subList(1, fallbacks.size()));
        }
        return new Spelled(from, end, prefix + digits, languages, List.copyOf(fallbacks));
    }

    /** The start of a word for "+" right before {@code start} ("plus three four …"), or -1. */
    private static int plusWordBefore(String folded, int start) {
        int e = start;
        while (e > 0 && start - e < MAX_GAP && Separators.isSeparator(folded.charAt(e - 1))) {
            e--;
        }
        if (e > 0 && folded.charAt(e - 1) == CHINESE_PLUS) {
            return e - 1;
        }
        int s = e;
        while (s > 0 && e - s <= LONGEST_PLUS_WORD && Character.isLetter(folded.charAt(s - 1))) {
            s--;
        }
        boolean wordStart = s == 0 || !Character.isLetterOrDigit(folded.charAt(s - 1));
        return s < e && wordStart && PLUS_WORDS.contains(folded.substring(s, e)) ? s : -1;
    }

    /**
     * A number below a thousand written as words from token {@code j}: hundreds ("novecientos", "nine hundred",
     * "dörd yüz"), then tens and a unit ("noventa y dos", "thirty four", "on iki"), or the French tens that count on
     * past ten ("soixante-douze"). Returns its value and the index after its last token, or null when the words at {@code j}
     * are not such a compound (a single word is read on its own).
     */
    private static int[] compound(List<Token> tokens, int j, String folded) {
        int k = j;
        int value = 0;
        Token first = tokens.get(k);
        Token second = tight(tokens, k, folded);
        if (second != null && second.isWord() && unitBeforeTens(first.value(), second.value())
                && folded.substring(first.end(), second.start()).contains(GERMAN_AND)) {
            return new int[]{second.value() + first.value(), k + 2}; // "drei und vierzig", written apart
        }
        if (second != null && second.isWord() && first.value() == 4 && second.value() == 20
                && FRENCH.equals(first.language()) && !hasLetter(folded, first.end(), second.start())) {
            // "quatre vingt deux", "quatre vint dix-sept": four twenties, then what counts on from eighty
            Token unit = tight(tokens, k + 1, folded);
            if (unit != null && unit.isWord() && makesTwoDigits(FOUR_TWENTIES, unit.value())) {
                return new int[]{FOUR_TWENTIES + unit.value(), k + 3};
            }
            return new int[]{FOUR_TWENTIES, k + 2};
        }
        if (second != null && second.isWord() && second.value() == HUNDRED && first.value() > 0 && first.value() < 10
                && MULTIPLIED_HUNDREDS.contains(second.language())) {
            value = first.value() * HUNDRED;
            k += 2;
        } else if (first.value() >= HUNDRED && first.value() % HUNDRED == 0 && first.value() < 1000) {
            value = first.value();
            k += 1;
        }
        Token tens = value > 0 ? tight(tokens, k - 1, folded) : first;
        if (tens != null && tens.isWord()) {
            Token unit = tight(tokens, k, folded);
            if (tens.value() < HUNDRED && unit != null && unit.isWord()
                    && (makesTwoDigits(tens.value(), unit.value()) || makesTeen(tens.value(), unit.value()))) {
                return new int[]{value + tens.value() + unit.value(), k + 2};
            }
            if (value > 0 && tens.value() > 0 && tens.value() < HUNDRED) {
                return new int[]{value + tens.value(), k + 1};
            }
        }
        return value > 0 ? new int[]{value, k} : null;
    }

    /**
     * The token after {@code k} when it joins it within one compound: only spaces, hyphens or a connector between
     * ("treinta y cuatro", "soixante-douze", "on iki"); a comma or a dot ends the compound ("sıfır on, beş" is
     * 0 10 5, not 0 15).
     */
    private static Token tight(List<Token> tokens, int k, String folded) {
        Token next = next(tokens, k, folded);
        if (next == null) {
            return null;
        }
        for (int c = tokens.get(k).end(); c < next.start(); c++) {
            char ch = folded.charAt(c);
            boolean loose = Character.isLetter(ch) || ch == ' ' || ch == '\t'
                    || Character.getType(ch) == Character.DASH_PUNCTUATION;
            if (!loose) {
                return null;
            }
        }
        return next;
    }

    /** The token after {@code k} when it joins it, or null. */
    private static Token next(List<Token> tokens, int k, String folded) {
        return k + 1 < tokens.size() && joinable(folded, tokens.get(k).end(), tokens.get(k + 1).start())
                ? tokens.get(k + 1) : null;
    }

    /** Tens and a unit ("thirty four"), or the French tens that count on past ten ("soixante-douze"). */
    private static boolean makesTwoDigits(int tens, int unit) {
        if (tens < 20 || tens >= HUNDRED || tens % 10 != 0) {
            return false;
        }
        return unit > 0 && unit < 10 || (tens == 60 || tens == 80) && unit >= 10 && unit < 20;
    }

    private static boolean unitBeforeTens(int unit, int tens) {
        return unit > 0 && unit < 10 && tens >= 20 && tens < HUNDRED && tens % 10 == 0;
    }

    private static boolean hasLetter(String folded, int from, int to) {
        for (int c = from; c < to; c++) {
            if (Character.isLetter(folded.charAt(c))) {
                return true;
            }
        }
        return false;
    }

    /** Ten and a unit where a language counts so ("on iki", "kumi na mbili"): eleven to nineteen. */
    private static boolean makesTeen(int ten, int unit) {
        return ten == 10 && unit > 0 && unit < 10;
    }

    private static boolean hasOddSeparator(String folded, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Separators.isOdd(folded.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private List<Token> tokens(ScanContext ctx, String text) {
        List<Token> tokens = new ArrayList<>();
        List<PhraseHit> words = new ArrayList<>(ctx.hits(CueKind.NUMBER_WORD));
        words.addAll(ctx.hits(CueKind.NUMBER_REPEAT));
        words.sort(Comparator.comparingInt(PhraseHit::start).thenComparing(h -> -(h.end() - h.start())));
        int lastEnd = -1;
        String folded = ctx.folded();
        for (PhraseHit h : words) {
            if (h.start() >= lastEnd) {
                int v = h.phrase().value();
                int end = h.end();
                if (!h.phrase().wordEnd() && end < folded.length() && Character.isLetter(folded.charAt(end))) {
                    int[] glued = gluedToHundreds(folded, h);
                    if (glued == null) {
                        continue; // "hundertprozentig", "centocelle": a longer word, not a number
                    }
                    v += glued[0];
                    end = glued[1];
                }
                Source source = h.kind() == CueKind.NUMBER_REPEAT ? Source.REPEAT
                        : end - h.start() <= SHORT_WORD ? Source.SHORT_WORD : Source.WORD;
                tokens.add(new Token(h.start(), end, v, Integer.toString(v), source, h.phrase().language()));
                lastEnd = end;
            }
        }
        List<DigitLookalikes.Run> lookalikes = DigitLookalikes.runs(text);
        int nextLookalike = 0;
        for (int i = 0; i < text.length(); ) {
            if (nextLookalike < lookalikes.size() && lookalikes.get(nextLookalike).start() == i) {
                DigitLookalikes.Run r = lookalikes.get(nextLookalike++);
                tokens.add(new Token(r.start(), r.end(), 0, r.digits(), Source.LOOKALIKE, null));
                i = r.end();
            } else if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                int s = i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(s, i, 0, text.substring(s, i), Source.DIGITS, null));
            } else {
                i++;
            }
        }
        tokens.sort(Comparator.comparingInt(Token::start));
        for (int pass = 0; pass < MISSPELT_PASSES; pass++) {
            int before = tokens.size();
            tokens = withMisspeltWords(tokens, folded);
            if (tokens.size() == before) {
                break;
            }
        }
        return tokens;
    }

    /**
     * The number below a hundred written in one word after a hundreds word ("trecento|quaranta", "dreihundert|zwölf",
     * "cent|otto" with the o the Italian elides) and the end of that word, or null when the rest is no number word
     * of the same language.
     */
    private int[] gluedToHundreds(String folded, PhraseHit hundreds) {
        int value = hundreds.phrase().value();
        if (value < HUNDRED || value % HUNDRED != 0 || value >= 1000) {
            return null;
        }
        int s = hundreds.end();
        int e = s;
        while (e < folded.length() && e - s <= MAX_MISSPELT_GAP && Character.isLetter(folded.charAt(e))) {
            e++;
        }
        String rest = folded.substring(s, e);
        String language = hundreds.phrase().language();
        int below = misspelt.spelledRightValue(rest, language);
        if (below < 0) {
            below = misspelt.spelledRightValue(folded.charAt(s - 1) + rest, language);
        }
        return below > 0 && below < HUNDRED ? new int[]{below, e} : null;
    }

    /**
     * Adds misspelt number words ("sevn", "nuebe", "fiv"): a word that stands between two parts of a number, or right
     * before or after a number word, and is one edit from a number word. A word next to plain digits only is left
     * alone ("nice 612 …" is not "nine"). Each token looks at one word on each side: linear in the tokens.
     */
    private List<Token> withMisspeltWords(List<Token> tokens, String folded) {
        List<Token> out = new ArrayList<>(tokens.size());
        int lastEnd = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            Token previous = k > 0 ? tokens.get(k - 1) : null;
            int[] before = wordBefore(folded, t.start(), Math.max(lastEnd, previous == null ? 0 : previous.end()));
            boolean sandwichedBefore = before != null && previous != null && before[0] - previous.end() <= MAX_GAP;
            if (before != null && (t.isWord() || sandwichedBefore)) {
                addMisspelt(out, folded, before, sandwichedBefore ? null : t.language());
            }
            out.add(t);
            lastEnd = t.end();
            Token following = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
            int[] after = wordAfter(folded, t.end(), following == null ? folded.length() : following.start());
            boolean sandwiched = after != null && following != null && following.start() - after[1] <= MAX_GAP;
            if (after != null && (t.isWord() || sandwiched)) {
                if (addMisspelt(out, folded, after, sandwiched ? null : t.language())) {
                    lastEnd = after[1];
                }
            }
        }
        out.sort(Comparator.comparingInt(Token::start));
        return out;
    }

    /**
     * Adds the word at {@code span} when it is a misspelt number word; a word at the edge of a number must be one of
     * the language of the number word next to it ("eight ring" is not the pinyin "ling").
     */
    private boolean addMisspelt(List<Token> out, String folded, int[] span, String language) {
        String word = folded.substring(span[0], span[1]);
        if (CONNECTORS.contains(word)) {
            return false;
        }
        int value = misspelt.valueOf(word, language);
        if (value == MisspeltNumberWords.NO_MATCH) {
            return false;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).end() > span[0]) {
            return false;
        }
        out.add(new Token(span[0], span[1], value, Integer.toString(value), Source.MISSPELT, language));
        return true;
    }

    /** The word of letters after {@code from} past at least one separator, ending before {@code limit}, or null. */
    private static int[] wordAfter(String folded, int from, int limit) {
        int s = from;
        while (s < limit && s - from <= MAX_GAP && Separators.isSeparator(folded.charAt(s))) {
            s++;
        }
        if (s == from || s >= limit || !Character.isLetter(folded.charAt(s))) {
            return null;
        }
        int e = s;
        while (e < limit && e - s <= MAX_MISSPELT_GAP && Character.isLetter(folded.charAt(e))) {
            e++;
        }
        if (e - s > MAX_MISSPELT_GAP || e < folded.length() && e < limit && !Separators.isSeparator(folded.charAt(e))) {
            return null;
        }
        return new int[]{s, e};
    }

    /** The word of letters before {@code to} past at least one separator, starting at or after {@code limit}, or null. */
    private static int[] wordBefore(String folded, int to, int limit) {
        int e = to;
        while (e > limit && to - e <= MAX_GAP && Separators.isSeparator(folded.charAt(e - 1))) {
            e--;
        }
        if (e == to || e <= limit || !Character.isLetter(folded.charAt(e - 1))) {
            return null;
        }
        int s = e;
        while (s > limit && e - s <= MAX_MISSPELT_GAP && Character.isLetter(folded.charAt(s - 1))) {
            s--;
        }
        if (e - s > MAX_MISSPELT_GAP || s > 0 && s > limit && !Separators.isSeparator(folded.charAt(s - 1))) {
            return null;
        }
        return new int[]{s, e};
    }

    /** Whether only separators or one connector word (with separators around it) lie between two tokens. */
    private static boolean joinable(String folded, int from, int to) {
        if (to < from || to - from > MAX_GAP) {
            return false;
        }
        int s = from;
        int e = to;
        while (s < e && Separators.isSeparator(folded.charAt(s))) {
            s++;
        }
        while (e > s && Separators.isSeparator(folded.charAt(e - 1))) {
            e--;
        }
        return s == e || CONNECTORS.contains(folded.substring(s, e));
    }
}
