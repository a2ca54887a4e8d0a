package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.EntityType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Weights of the exposure score, a logistic model: score = 1 / (1 + e^−(bias + Σ weight × feature)). Positive weights
 * push towards "exposes a third person", negative ones away. Configuration, not code: see {@code doxxing/detector.yaml}.
 *
 * @param bias          log-odds of exposure before any evidence
 * @param entity        per kind of personal data present (each kind counts once)
 * @param maxAdditional cap on the entities counted by {@link ExposureFeature#ADDITIONAL_ENTITY}
 * @param features      one weight per {@link ExposureFeature}
 */
public record ScoringWeights(double bias, Map<EntityType, Double> entity, int maxAdditional,
                             Map<ExposureFeature, Double> features) {

    /** Names of the features in {@link #vector()} order, as they appear in the YAML. */
    public static final List<String> FEATURES = featureNames();

    public ScoringWeights {
        Map<EntityType, Double> copy = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            Double w = entity.get(t);
            if (w == null) {
                throw new IllegalArgumentException("scoring weight missing for entity type " + t);
            }
            copy.put(t, w);
        }
        entity = Collections.unmodifiableMap(copy);
        Map<ExposureFeature, Double> named = new EnumMap<>(ExposureFeature.class);
        for (ExposureFeature f : ExposureFeature.values()) {
            Double w = features.get(f);
            if (w == null) {
                throw new IllegalArgumentException("scoring weight missing for feature " + f.yamlKey());
            }
            named.put(f, w);
        }
        features = Collections.unmodifiableMap(named);
        if (maxAdditional < 0) {
            throw new IllegalArgumentException("maxAdditional must be >= 0, got " + maxAdditional);
        }
    }

    private static List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add("bias");
        for (EntityType t : EntityType.values()) {
            names.add("entity." + t.name());
        }
        for (ExposureFeature f : ExposureFeature.values()) {
            names.add(f.yamlKey());
        }
        return List.copyOf(names);
    }

    /** Position of a named feature in {@link #vector()}. */
    public static int index(ExposureFeature f) {
        return 1 + EntityType.values().length + f.ordinal();
    }

    /** Position of an entity kind's feature in {@link #vector()}. */
    public static int index(EntityType t) {
        return 1 + t.ordinal();
    }

    public double entityWeight(EntityType type) {
        return entity.get(type);
    }

    public double weight(ExposureFeature f) {
        return features.get(f);
    }

    /** The weights in {@link #FEATURES} order. */
    public double[] vector() {
        double[] v = new double[FEATURES.size()];
        v[0] = bias;
        for (EntityType t : EntityType.values()) {
            v[index(t)] = entity.get(t);
        }
        for (ExposureFeature f : ExposureFeature.values()) {
            v[index(f)] = features.get(f);
        }
        return v;
    }

    /** Weights from a vector in {@link #FEATURES} order, keeping {@code maxAdditional}. */
    public static ScoringWeights fromVector(double[] v, int maxAdditional) {
        Map<EntityType, Double> entity = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            entity.put(t, v[index(t)]);
        }
        Map<ExposureFeature, Double> named = new EnumMap<>(ExposureFeature.class);
        for (ExposureFeature f : ExposureFeature.values()) {
            named.put(f, v[index(f)]);
        }
        return new ScoringWeights(v[0], entity, maxAdditional, named);
    }
}
