package io.vigil.detector.ocr;

import org.junit.jupiter.api.Assumptions;

import java.time.Duration;

/**
 * Tests that need Debian's Tesseract run where it is installed; elsewhere they are skipped and say so, unless
 * VIGIL_REQUIRE_OCR=1 (set by .ci/run, which installs it), where its absence fails them.
 */
public final class Tesseract {

    private Tesseract() {
    }

    public static TesseractReader reader(int threads, int queue, Duration limit) {
        try {
            return new TesseractReader(OcrLanguages.defaultTessdata(), threads, queue, limit, 2000, 0.02);
        } catch (OcrUnavailableException e) {
            if ("1".equals(System.getenv("VIGIL_REQUIRE_OCR"))) {
                throw e;
            }
            Assumptions.abort("Tesseract is not installed (apt-get install tesseract-ocr): " + e.getMessage());
            throw e;
        }
    }

    /** Skips (or fails under VIGIL_REQUIRE_OCR) when a language's trained data is missing. */
    public static void assumeLanguage(String code) {
        boolean installed = OcrLanguages.defaultTessdata().map(d -> d.resolve(code + ".traineddata").toFile().isFile()).orElse(false);
        if (!installed && "1".equals(System.getenv("VIGIL_REQUIRE_OCR"))) {
            throw new AssertionError("tesseract-ocr language pack missing: " + code);
        }
        Assumptions.assumeTrue(installed, "tesseract-ocr language pack missing: " + code);
    }
}
