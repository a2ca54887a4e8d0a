package io.vigil.detector.ocr;

import java.time.Duration;
import java.util.Optional;

/**
 * How the image-analysis step reads text in images: the reader (empty: no OCR), which languages a group's hints call
 * for and how many per image, and the OCR time one message may take over all its images, so that an album of ten
 * screenshots costs at most that, not ten times the per-image limit.
 */
public record TextInImages(Optional<ImageTextReader> reader, OcrLanguages languages, int maxLanguages, Duration perMessage) {

    public TextInImages {
        if (reader.isPresent() && (languages == null || maxLanguages < 1 || perMessage == null || perMessage.isNegative())) {
            throw new IllegalArgumentException("OCR needs languages, at least one language per image and a time per message");
        }
    }

    /** No OCR: images are hashed and classified only. */
    public static TextInImages none() {
        return new TextInImages(Optional.empty(), null, 0, Duration.ZERO);
    }
}
