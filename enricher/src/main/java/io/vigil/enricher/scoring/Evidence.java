package io.vigil.enricher.scoring;

import io.vigil.schemas.ContentCategory;

/** One finding of the detector that the score rests on, e.g. an image matching a bank of known NCII. */
public record Evidence(String code, ContentCategory category, String description) {
}
