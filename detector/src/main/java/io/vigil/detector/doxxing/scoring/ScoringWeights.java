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
 * @param bias              log-odds of exposure before any evidence
 * @param entity            per kind of personal data present (each kind counts once)
 * @param additionalEntity  for each entity beyond the first, up to {@code maxAdditional}
 * @param maxAdditional     cap on the entities counted by {@code additionalEntity}
 * @param targeting         language about someone else's data or whereabouts ("her number", "vive en")
 * @param incitement        calls to contact or harass ("write to her", "escribidle")
 * @param relatives         relatives' or partner's data ("her mother", "su padre")
 * @param derogatory        insults typical of exposure posts
 * @param thirdPerson       words pointing at a third person ("her", "ella", "她")
 * @param followsImage      the message follows an image from the same sender in the same chat within the window
 * @param list              several people's data in one message (a numbered or line-per-person list)
 * @param firstPerson       first-person words ("me", "mi", "я")
 * @param selfContact       the writer shares their own contact ("call me", "mi número")
 * @param business          shop, service and ad vocabulary
 * @param institution       public bodies, helplines, emergency services
 * @param news              news and announcements
 * @param price             a price or amount of money in the message ("45€", "KSh 1,500", "RM550")
 * @param quasiIdentifierTied a name, school, workplace or place tied to a third person: the message follows an
 *                          image or carries insults, targeting or third-person words
 * @param previousMessage   the same sender's message just before pointed at a third person (targeting, insults,
 *                          calls to harass): data split over two messages
 * @param publicEntity      public figures' offices, public events and places announcing themselves
 * @param singleQuasiIdentifier the message's only personal data is one quasi-identifier (a guess at a name or a
 *                          school is not yet an exposure)
 */
public record ScoringWeights(double bias, Map<EntityType, Double> entity, double additionalEntity, int maxAdditional,
                             double targeting, double incitement, double relatives, double derogatory,
                             double thirdPerson, double followsImage, double list, double firstPerson, double selfContact,
                             double business, double institution, double news, double price,
                             double quasiIdentifierTied, double previousMessage, double publicEntity,
                             double singleQuasiIdentifier) {

    /** Names of the features in {@link #vector()} order, as they appear in the YAML. */
    public static final List<String> FEATURES = features();

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
        if (maxAdditional < 0) {
            throw new IllegalArgumentException("maxAdditional must be >= 0, got " + maxAdditional);
        }
    }

    private static List<String> features() {
        List<String> names = new ArrayList<>();
        names.add("bias");
        for (EntityType t : EntityType.values()) {
            names.add("entity." + t.name());
        }
        names.addAll(List.of("additionalEntity", "targeting", "incitement", "relatives", "derogatory", "thirdPerson",
                "followsImage", "list", "firstPerson", "selfContact", "business", "institution", "news", "price",
                "quasiIdentifierTied", "previousMessage", "publicEntity", "singleQuasiIdentifier"));
        return List.copyOf(names);
    }

    public double entityWeight(EntityType type) {
        return entity.get(type);
    }

    /** The weights in {@link #FEATURES} order. */
    public double[] vector() {
        double[] v = new double[FEATURES.size()];
        int i = 0;
        v[i++] = bias;
        for (EntityType t : EntityType.values()) {
            v[i++] = entity.get(t);
        }
        for (double w : new double[]{additionalEntity, targeting, incitement, relatives, derogatory, thirdPerson,
                followsImage, list, firstPerson, selfContact, business, institution, news, price, quasiIdentifierTied,
                previousMessage, publicEntity, singleQuasiIdentifier}) {
            v[i++] = w;
        }
        return v;
    }

    /** Weights from a vector in {@link #FEATURES} order, keeping {@code maxAdditional}. */
    public static ScoringWeights fromVector(double[] v, int maxAdditional) {
        Map<EntityType, Double> entity = new EnumMap<>(EntityType.class);
        int i = 1;
        for (EntityType t : EntityType.values()) {
            entity.put(t, v[i++]);
        }
        return new ScoringWeights(v[0], entity, v[i], maxAdditional, v[i + 1], v[i + 2], v[i + 3], v[i + 4], v[i + 5],
                v[i + 6], v[i + 7], v[i + 8], v[i + 9], v[i + 10], v[i + 11], v[i + 12], v[i + 13], v[i + 14],
                v[i + 15], v[i + 16], v[i + 17]);
    }
}
