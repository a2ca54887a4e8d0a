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
 * {@code languageRegions}), or the language with most cue words in the message; without a country every language
 * counts, as before.
 */
public final class CueLanguages {

    private final Map<String, Set<String>> languagesByRegion;

    public CueLanguages(Map<String, List<String>> languageRegions) {
        Map<String, Set<String>> byRegion = new HashMap<>();
        languageRegions.forEach((language, regions) -> regions.forEach(
                r -> byRegion.computeIfAbsent(r, k -> new HashSet<>()).add(language)));
        this.languagesByRegion = Map.copyOf(byRegion);
    }

    /**
     * The hits whose language is plausible for the message: those of the region's languages or of {@code ranked}'s
     * first language (the one with most cue words). Without a region, or when no cue's language is plausible, all hits.
     */
    public List<PhraseHit> plausible(List<PhraseHit> hits, Optional<String> region, List<String> ranked) {
        if (region.isEmpty() || hits.isEmpty()) {
            return hits;
        }
        Set<String> regional = languagesByRegion.getOrDefault(region.get(), Set.of());
        if (regional.isEmpty()) {
            return hits;
        }
        String top = ranked.isEmpty() ? null : ranked.get(0);
        List<PhraseHit> kept = hits.stream()
                .filter(h -> regional.contains(h.phrase().language()) || h.phrase().language().equals(top)).toList();
        return kept.size() == hits.size() ? hits : kept;
    }
}
