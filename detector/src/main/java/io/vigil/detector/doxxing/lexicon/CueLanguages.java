package io.vigil.detector.doxxing.lexicon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which languages' exposure cues count in a message. All languages' cue phrases are found in one pass, and short
 * words of one language are ordinary words of another: Spanish "le" (her) in a French sentence, Catalan "em" (me) in
 * Portuguese ("in"), Swahili "bei" (price) in German ("at"), English "sale" in Spanish ("goes out"). A cue counts when
 * its language is plausible for the message: a language of the group's country (the inverse of
 * {@code languageRegions}), or another language that clearly dominates the message's cue words (at least two, and
 * more than any of the country's languages: English in a Malaysian chat); without a country every language counts.
 */
public final class CueLanguages {

    private final Map<String, Set<String>> languagesByRegion;

    public CueLanguages(Map<String, List<String>> languageRegions) {
        Map<String, Set<String>> byRegion = new HashMap<>();
        languageRegions.forEach((language, regions) -> regions.forEach(
                r -> byRegion.computeIfAbsent(r, k -> new HashSet<>()).add(language)));
        this.languagesByRegion = Map.copyOf(byRegion);
    }

    /** Fewest cue words of a language outside the group's country for it to count. */
    private static final int DOMINANT_MIN_HITS = 2;

    /**
     * The hits whose language is plausible for the message: those of the region's languages, and those of a language
     * that dominates the message's cue words. Without a region (or an unmapped one), all hits.
     */
    public List<PhraseHit> plausible(List<PhraseHit> hits, Optional<String> region) {
        if (region.isEmpty() || hits.isEmpty()) {
            return hits;
        }
        Set<String> regional = languagesByRegion.getOrDefault(region.get(), Set.of());
        if (regional.isEmpty() || allOf(hits, regional)) {
            return hits; // every hit counts: no need to weigh the other languages
        }
        Map<String, Integer> perLanguage = new HashMap<>();
        for (PhraseHit h : hits) {
            perLanguage.merge(h.phrase().language(), 1, Integer::sum);
        }
        int regionalBest = 0;
        for (String l : regional) {
            regionalBest = Math.max(regionalBest, perLanguage.getOrDefault(l, 0));
        }
        Set<String> allowed = new HashSet<>(regional);
        for (Map.Entry<String, Integer> e : perLanguage.entrySet()) {
            if (e.getValue() >= DOMINANT_MIN_HITS && e.getValue() > regionalBest) {
                allowed.add(e.getKey());
            }
        }
        List<PhraseHit> kept = hits.stream().filter(h -> allowed.contains(h.phrase().language())).toList();
        return kept.size() == hits.size() ? hits : kept;
    }

    private static boolean allOf(List<PhraseHit> hits, Set<String> languages) {
        for (PhraseHit h : hits) {
            if (!languages.contains(h.phrase().language())) {
                return false;
            }
        }
        return true;
    }
}
