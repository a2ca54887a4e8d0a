package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.Lexicon;
import io.vigil.detector.doxxing.lexicon.PhraseHit;
import io.vigil.detector.doxxing.lexicon.TextFolding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message as the recognisers see it: the text, its folded twin (same offsets), the group's country hint, cheap
 * character statistics for pre-filters, and every cue phrase found by one pass of the lexicon's automaton.
 */
public final class ScanContext {

    private final String text;
    private final String folded;
    private final Optional<String> region;
    private final int digitCount;
    private final int longestDigitRun;
    private final boolean hasAt;
    private final boolean hasCyrillic;
    private final boolean hasIdeographs;
    private final List<PhraseHit> hits;
    private List<String> languages;
    private Boolean routine;
    private final Map<CueKind, List<PhraseHit>> hitsByKind = new EnumMap<>(CueKind.class);

    public ScanContext(String text, Optional<String> region, Lexicon lexicon) {
        this.text = text;
        this.folded = TextFolding.fold(text);
        this.region = region.map(r -> r.trim().toUpperCase(java.util.Locale.ROOT)).filter(r -> r.length() == 2);
        int digits = 0;
        int run = 0;
        int longest = 0;
        boolean at = false;
        boolean cyr = false;
        boolean cjk = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                run++;
                longest = Math.max(longest, run);
            } else {
                if (c != ' ' && c != '-' && c != '.') {
                    run = 0;
                }
                if (c == '@') {
                    at = true;
                } else if (c >= 0x0400 && c <= 0x04FF) {
                    cyr = true;
                } else if (c >= 0x3040 && Character.isIdeographic(c)) {
                    cjk = true;
                }
            }
        }
        this.digitCount = digits;
        this.longestDigitRun = longest;
        this.hasAt = at;
        this.hasCyrillic = cyr;
        this.hasIdeographs = cjk;
        this.hits = lexicon.find(folded);
        for (PhraseHit h : hits) {
            hitsByKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(h);
        }
    }

    /**
     * Languages whose cue words occur in the text, most hits first: evidence of where a number may be from. Computed
     * on first use: only numbers read without a country hint need it.
     */
    public List<String> languages() {
        if (languages == null) {
            Map<String, Integer> perLanguage = new java.util.HashMap<>();
            for (PhraseHit h : hits) {
                if (h.kind() != CueKind.NUMBER_WORD && h.kind() != CueKind.MONTH) {
                    perLanguage.merge(h.phrase().language(), 1, Integer::sum);
                }
            }
            List<String> ranked = new ArrayList<>(perLanguage.keySet());
            ranked.sort(java.util.Comparator.comparing((String l) -> -perLanguage.get(l)).thenComparing(l -> l));
            languages = List.copyOf(ranked);
        }
        return languages;
    }

    /**
     * Whether the message says when someone can be found: a weekday or an "every day" ({@link CueKind#ROUTINE}), her
     * class or year ({@link CueKind#CLASS_YEAR}) or a clock time. Computed on first use.
     */
    public boolean routine() {
        if (routine == null) {
            routine = has(CueKind.ROUTINE) || has(CueKind.CLASS_YEAR) || WeekdayRanges.any(text)
                    || (digitCount > 0 || hasIdeographs) && ClockTimes.any(text);
        }
        return routine;
    }

    public String text() {
        return text;
    }

    /** Lower case, accents removed, same length and offsets as {@link #text()}. */
    public String folded() {
        return folded;
    }

    /** ISO 3166 alpha-2 country of the group, upper case, if known. */
    public Optional<String> region() {
        return region;
    }

    public int digitCount() {
        return digitCount;
    }

    /** Longest run of digits, counting spaces, dots and dashes inside the run as part of it. */
    public int longestDigitRun() {
        return longestDigitRun;
    }

    public boolean hasAt() {
        return hasAt;
    }

    public boolean hasCyrillic() {
        return hasCyrillic;
    }

    public boolean hasIdeographs() {
        return hasIdeographs;
    }

    public List<PhraseHit> hits() {
        return hits;
    }

    public List<PhraseHit> hits(CueKind kind) {
        return hitsByKind.getOrDefault(kind, List.of());
    }

    public boolean has(CueKind kind) {
        return hitsByKind.containsKey(kind);
    }

    /** The hit of one of {@code kinds} that ends closest before {@code position}, within {@code window} chars. */
    public Optional<PhraseHit> nearestBefore(int position, int window, CueKind... kinds) {
        PhraseHit best = null;
        for (CueKind kind : kinds) {
            for (PhraseHit h : hits(kind)) {
                if (h.end() <= position && position - h.end() <= window
                        && (best == null || h.end() > best.end() || (h.end() == best.end() && h.start() < best.start()))) {
                    best = h;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a hit of {@code kind} lies within {@code before} chars before or {@code after} chars after the span. */
    public boolean near(CueKind kind, int start, int end, int before, int after) {
        for (PhraseHit h : hits(kind)) {
            if ((h.end() <= start && start - h.end() <= before) || (h.start() >= end && h.start() - end <= after)) {
                return true;
            }
        }
        return false;
    }
}
