package io.vigil.enricher.scoring;

import io.vigil.schemas.ContentCategory;

import java.util.OptionalDouble;

/**
 * One finding of the detector that the score rests on, e.g. an image matching a bank of known NCII.
 *
 * @param weight the finding's own weight where the policy gives it one; otherwise its category's weight applies
 */
public record Evidence(String code, ContentCategory category, String description, OptionalDouble weight) {

    public Evidence(String code, ContentCategory category, String description) {
        this(code, category, description, OptionalDouble.empty());
    }

    public Evidence(String code, ContentCategory category, String description, double weight) {
        this(code, category, description, OptionalDouble.of(weight));
    }
}
