package io.vigil.enricher.evidence;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.NudityScores;

/**
 * The nudity classifier's scores of one image.
 *
 * @param banked           the image also matched a bank (the bank match is then the stronger finding)
 * @param withPersonalData the message's text exposes a third person's personal data
 */
public record ImageFinding(int position, int count, NudityScores scores, boolean banked, boolean withPersonalData) implements Finding {

    @Override
    public String defaultCode() {
        return withPersonalData ? "explicit_image_with_personal_data" : "explicit_image";
    }

    @Override
    public ContentCategory defaultCategory() {
        return null;
    }

    @Override
    public String defaultDescription() {
        return which() + " is explicit (" + Percent.of(scores.getExplicit()) + ", model " + scores.getModel() + ")"
                + (withPersonalData ? " and the message exposes personal data" : " and in no bank: possibly a new leak");
    }

    public String which() {
        return count == 1 ? "The image" : "Image " + position + " of " + count;
    }
}
