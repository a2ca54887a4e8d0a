package io.vigil.detector.ocr;

import java.awt.image.BufferedImage;
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
    OcrOutcome read(BufferedImage image, List<String> languages);
}
