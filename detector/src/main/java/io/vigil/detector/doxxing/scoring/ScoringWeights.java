package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.EntityType;

import java.util.EnumMap;
import java.util.Map;

/**
 * Weights of the exposure score, a logistic model: score = 1 / (1 + e^−(bias + Σ weight × feature)). Positive weights
 * push towards "exposes a third person", negative ones away. Configuration, not code: see {@code doxxing/detector.yaml}.
 *
 * @param bias              log-odds of exposure before any evidence
 * @param entity            per kind of personal data present (each kind counts once)
 * @param additionalEntity  for each entity beyond the first, up to {@code maxAdditional}
 * @param maxAdditional     cap on the entities counted by {@code additionalEntity}
 * @param targeting         language about someone else's data or whereabouts ("her number", "vive en")
 * @param incitement        calls to contact or harass ("write to her", "escribidle")
 * @param relatives         relatives' or partner's data ("her mother", "su padre")
 * @param derogatory        insults typical of exposure posts
 * @param followsImage      the message follows an image from the same sender in the same chat within the window
 * @param list              several people's data in one message (a numbered or line-per-person list)
 * @param selfContact       the writer shares their own contact ("call me", "mi número")
 * @param business          shop, service and ad vocabulary
 * @param institution       public bodies, helplines, emergency services
 * @param news              news and announcements
 */
public record ScoringWeights(double bias, Map<EntityType, Double> entity, double additionalEntity, int maxAdditional,
                             double targeting, double incitement, double relatives, double derogatory,
                             double followsImage, double list, double selfContact, double business,
                             double institution, double news) {

    public ScoringWeights {
        Map<EntityType, Double> copy = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            Double w = entity.get(t);
            if (w == null) {
                throw new IllegalArgumentException("scoring weight missing for entity type " + t);
            }
            copy.put(t, w);
        }
        entity = Map.copyOf(copy);
        if (maxAdditional < 0) {
            throw new IllegalArgumentException("maxAdditional must be >= 0, got " + maxAdditional);
        }
    }

    public double entityWeight(EntityType type) {
        return entity.get(type);
    }
}
