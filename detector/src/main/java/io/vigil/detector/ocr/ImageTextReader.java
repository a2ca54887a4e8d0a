package io.vigil.detector.ocr;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/**
 * Reads the text in an image (OCR). The image-analysis step calls it; where it runs (a pool of OCR threads here,
 * another stage of the pipeline elsewhere) is the implementation's business.
 */
public interface ImageTextReader {

    /**
     * The text in {@code image} (EXIF orientation already applied), read in {@code languages} (Tesseract codes,
     * e.g. {@code spa}, {@code chi_sim}), or why it was not read.
     */
    default OcrOutcome read(BufferedImage image, List<String> languages) {
        return read(image, languages, WITHIN_OWN_LIMIT);
    }

    /**
     * As {@link #read(BufferedImage, List)}, within {@code atMost} or the reader's own per-image limit, whichever is
     * shorter (the caller's share of a message's OCR time).
     */
    OcrOutcome read(BufferedImage image, List<String> languages, Duration atMost);

    /** No limit tighter than the reader's own per-image limit. */
    Duration WITHIN_OWN_LIMIT = Duration.ofMillis(Long.MAX_VALUE);
}
