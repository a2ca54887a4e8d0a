package io.vigil.detector.ocr;

/** Tesseract is missing, lacks a language, or failed on an image. The message names no content of the image. */
public class OcrUnavailableException extends RuntimeException {

    public OcrUnavailableException(String message) {
        super(message);
    }

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
