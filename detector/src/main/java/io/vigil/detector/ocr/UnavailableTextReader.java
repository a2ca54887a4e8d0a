package io.vigil.detector.ocr;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** Where OCR is configured but Tesseract is missing: every image says so (ocr_unavailable) instead of failing. */
public final class UnavailableTextReader implements ImageTextReader {

    private final String reason;

    public UnavailableTextReader(String reason) {
        this.reason = reason;
    }

    @Override
    public OcrOutcome read(BufferedImage image, List<String> languages, Duration atMost) {
        return new OcrOutcome.Skipped("ocr_unavailable", reason);
    }
}
