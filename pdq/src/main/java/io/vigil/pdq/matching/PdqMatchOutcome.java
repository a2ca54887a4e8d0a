package io.vigil.pdq.matching;

import java.util.List;
import java.util.Objects;

/**
 * What PDQ matching did for one image: the matches, or why it was skipped.
 *
 * @param matches    one per matched entry, nearest first (the best variant when several match the same entry)
 * @param skipCode   null when searched; else a stable code, e.g. {@code pdq_quality_below_floor}
 * @param skipReason null when searched; else a human-readable reason
 */
public record PdqMatchOutcome(List<PdqVariantMatch> matches, String skipCode, String skipReason) {

    /** Code of an image skipped because its PDQ quality is below the configured floor. */
    public static final String QUALITY_BELOW_FLOOR = "pdq_quality_below_floor";

    public PdqMatchOutcome {
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        if ((skipCode == null) != (skipReason == null)) {
            throw new IllegalArgumentException("a skip has both a code and a reason");
        }
    }

    static PdqMatchOutcome searched(List<PdqVariantMatch> matches) {
        return new PdqMatchOutcome(matches, null, null);
    }

    static PdqMatchOutcome skipped(String code, String reason) {
        return new PdqMatchOutcome(List.of(), code, reason);
    }

    public boolean skipped() {
        return skipCode != null;
    }
}
