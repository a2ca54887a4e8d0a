package io.vigil.enricher.scoring;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.ContentCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weights of the risk score, as configuration: a platform tunes them to its own policy without a code change.
 *
 * @param categoryWeights   score of an exact or perceptual bank match, by what the bank holds
 * @param largeGroupMembers a group this large spreads an image to many people at once
 * @param largeGroupWeight  added when the group is at least that large
 * @param publicGroupWeight added when anyone can find and join the group
 * @param strikeWeight      added per confirmed past violation of the group, up to maxStrikeWeight
 * @param forwardedWeight   added when the message was forwarded from another chat: the image is spreading
 * @param nudity            how the nudity classifier's scores count as evidence
 * @param levels            lower bounds of each risk level, ascending
 */
public record ScoringPolicy(
        Map<ContentCategory, Double> categoryWeights,
        long largeGroupMembers,
        double largeGroupWeight,
        double publicGroupWeight,
        double strikeWeight,
        double maxStrikeWeight,
        double forwardedWeight,
        Nudity nudity,
        Levels levels) implements Validatable {

    /**
     * @param explicitThreshold      explicit-nudity probability from which an image counts as explicit
     * @param explicitWeight         score of an explicit image in no bank: possibly the first leak of a new image
     * @param withPersonalDataWeight score of an explicit image in a message that also exposes someone's personal data
     */
    public record Nudity(double explicitThreshold, double explicitWeight, double withPersonalDataWeight) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().between(explicitThreshold, 0, 1, "explicit-threshold").between(explicitWeight, 0, 1, "explicit-weight")
                    .between(withPersonalDataWeight, 0, 1, "with-personal-data-weight").problems();
        }
    }

    public record Levels(double low, double medium, double high, double critical) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks()
                    .require(0 < low && low < medium && medium < high && high < critical && critical <= 1, "",
                            "must rise strictly: 0 < low < medium < high < critical <= 1")
                    .problems();
        }
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks();
        for (ContentCategory category : ContentCategory.values()) {
            Double weight = categoryWeights == null ? null : categoryWeights.get(category);
            checks.require(weight != null, "category-weights." + category, "must be set");
            if (weight != null) {
                checks.between(weight, 0, 1, "category-weights." + category);
            }
        }
        checks.positive(largeGroupMembers, "large-group-members");
        for (var term : List.of(Map.entry("large-group-weight", largeGroupWeight), Map.entry("public-group-weight", publicGroupWeight),
                Map.entry("strike-weight", strikeWeight), Map.entry("max-strike-weight", maxStrikeWeight),
                Map.entry("forwarded-weight", forwardedWeight))) {
            checks.between(term.getValue(), 0, 1, term.getKey());
        }
        List<String> problems = new ArrayList<>(checks.nested(nudity, "nudity").nested(levels, "levels").problems());
        return problems;
    }
}
