package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The goals of issue 5, on lenient entity matching: F1 ≥ 0.95 for phones, e-mails, identity numbers and IBANs,
 * ≥ 0.85 for addresses and social handles and links; doxxing decision F1 ≥ 0.90 with precision ≥ 0.90.
 */
public final class EvaluationGoals {

    public static final Map<EntityType, Double> ENTITY_F1 = Map.of(
            EntityType.PHONE, 0.95, EntityType.EMAIL, 0.95, EntityType.NATIONAL_ID, 0.95, EntityType.IBAN, 0.95,
            EntityType.ADDRESS, 0.85, EntityType.SOCIAL_HANDLE, 0.85, EntityType.SOCIAL_URL, 0.85);
    public static final double DECISION_F1 = 0.90;
    public static final double DECISION_PRECISION = 0.90;

    private EvaluationGoals() {
    }

    /** Issue 12: phones read without a country hint, on text that mixes cards, IPs and addresses. */
    public static final double NO_HINT_PHONE_PRECISION = 0.95;

    /** The no-country-hint goal the slice misses, in words; empty when met or when it has no phones. */
    public static List<String> noHintFailures(Evaluation.Slice noHint) {
        Counts c = noHint.lenient(EntityType.PHONE);
        if (c.tp() + c.fp() > 0 && c.precision() < NO_HINT_PHONE_PRECISION) {
            return List.of(String.format(Locale.ROOT, "PHONE precision without a country hint %.3f < %.2f", c.precision(),
                    NO_HINT_PHONE_PRECISION));
        }
        return List.of();
    }

    /** The goals the slice misses, in words; empty when all are met. Types absent from the gold are skipped. */
    public static List<String> failures(Evaluation.Slice slice) {
        List<String> out = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            Double goal = ENTITY_F1.get(t);
            Counts c = slice.lenient(t);
            if (goal != null && c.support() > 0 && c.f1() < goal) {
                out.add(String.format(Locale.ROOT, "%s F1 %.3f < %.2f", t, c.f1(), goal));
            }
        }
        Counts d = slice.decision();
        if (d.f1() < DECISION_F1) {
            out.add(String.format(Locale.ROOT, "doxxing decision F1 %.3f < %.2f", d.f1(), DECISION_F1));
        }
        if (d.precision() < DECISION_PRECISION) {
            out.add(String.format(Locale.ROOT, "doxxing decision precision %.3f < %.2f", d.precision(), DECISION_PRECISION));
        }
        return out;
    }
}
