package io.vigil.detector.nudity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One image's scores from one model.
 *
 * @param modelId        the descriptor's model id
 * @param classScores    the model's own classes (descriptor order) to probabilities
 * @param categoryScores Vigil's categories to probabilities (sum of the mapped classes, capped at 1)
 * @param flagged        the categories at or above their descriptor threshold
 */
public record NudityScores(String modelId, Map<String, Float> classScores, Map<NudityCategory, Float> categoryScores,
                           Set<NudityCategory> flagged) {

    public NudityScores {
        classScores = Collections.unmodifiableMap(new LinkedHashMap<>(classScores));
        categoryScores = Collections.unmodifiableMap(new EnumMap<>(categoryScores));
        flagged = Collections.unmodifiableSet(flagged.isEmpty() ? EnumSet.noneOf(NudityCategory.class) : EnumSet.copyOf(flagged));
    }

    /** The explicit-nudity probability: {@code nudity} in Vigil's output. */
    public float explicitNudity() {
        return categoryScores.get(NudityCategory.EXPLICIT_NUDITY);
    }

    /** A category's probability, or empty when the model's descriptor does not map it. */
    public OptionalDouble category(NudityCategory category) {
        Float score = categoryScores.get(category);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }
}
