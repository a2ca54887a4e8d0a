package io.vigil.detector.ocr;

/** What OCR made of one image: its text, or a stable reason code (and words free of content) why there is none. */
public sealed interface OcrOutcome {

    /** The image was read; the text may be empty. */
    record Read(ReadText text, long millis) implements OcrOutcome {
    }

    /** The image was deliberately not read: {@code no_text_likely}, {@code ocr_busy}. */
    record Skipped(String code, String reason) implements OcrOutcome {
    }

    /** Reading was tried and failed: {@code ocr_timeout}, {@code ocr_failed}. */
    record Failed(String code, String reason) implements OcrOutcome {
    }
}
