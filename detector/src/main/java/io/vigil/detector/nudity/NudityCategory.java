package io.vigil.detector.nudity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Vigil's own categories, whatever classes a model outputs: a model descriptor maps its classes onto these, so
 * routing and thresholds never depend on one model's label set.
 */
public enum NudityCategory {
    /** Sexually explicit nudity, photographic or drawn: what the NCII queue ranks on. */
    EXPLICIT_NUDITY("explicit_nudity"),
    /** Revealing but not explicit. */
    SUGGESTIVE("suggestive"),
    /** Drawings, animation, rendered art (explicit or not). */
    DRAWN_ANIMATED("drawn_animated"),
    /** None of the above. */
    NEUTRAL("neutral");

    private final String key;

    NudityCategory(String key) {
        this.key = key;
    }

    /** The name used in descriptors, configuration and output. */
    public String key() {
        return key;
    }

    public static NudityCategory fromKey(String key) {
        for (NudityCategory category : values()) {
            if (category.key.equals(key)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + key + "' (known: "
                + Arrays.stream(values()).map(NudityCategory::key).collect(Collectors.joining(", ")) + ")");
    }
}
