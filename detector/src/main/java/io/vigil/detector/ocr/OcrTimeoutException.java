package io.vigil.detector.ocr;

/** Recognition of one image ran past its time limit and was stopped. */
public final class OcrTimeoutException extends RuntimeException {

    public OcrTimeoutException(long limitMillis) {
        super("OCR stopped after its limit of " + limitMillis + " ms per image");
    }
}
