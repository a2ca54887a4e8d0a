package io.vigil.detector.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Tesseract instance initialised for one set of languages ("spa+eng"). Not thread-safe: each OCR worker thread
 * owns its engines. Initialising a language set costs tens to hundreds of milliseconds, recognising reuses it.
 */
final class TesseractEngine implements AutoCloseable {

    /** Screenshots carry no resolution; 300 dpi keeps Tesseract from guessing (and from warning that it guesses). */
    private static final int SOURCE_PPI = 300;

    private final TesseractLibrary lib;
    private final String languages;
    private Pointer handle;

    private TesseractEngine(TesseractLibrary lib, Pointer handle, String languages) {
        this.lib = lib;
        this.handle = handle;
        this.languages = languages;
    }

    static TesseractEngine open(TesseractLibrary lib, String datapath, String languages) {
        Pointer handle = lib.TessBaseAPICreate();
        if (lib.TessBaseAPIInit2(handle, datapath, languages, TesseractLibrary.OEM_LSTM_ONLY) != 0) {
            lib.TessBaseAPIDelete(handle);
            throw new OcrUnavailableException("Tesseract could not load the languages " + languages + " from "
                    + (datapath == null ? "its default data directory" : datapath));
        }
        lib.TessBaseAPISetPageSegMode(handle, TesseractLibrary.PSM_SPARSE_TEXT);
        // Warnings about the image go to Tesseract's debug file, not to the service's standard error.
        lib.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        return new TesseractEngine(lib, handle, languages);
    }

    String languages() {
        return languages;
    }

    /**
     * Recognises a grey image ({@code TYPE_BYTE_GRAY}); Tesseract itself stops after {@code deadlineMillis}.
     *
     * @throws OcrTimeoutException when the deadline stopped the recognition
     */
    ReadText read(BufferedImage gray, int deadlineMillis) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("OCR reads TYPE_BYTE_GRAY images");
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int stride = pixels.length / height;
        lib.TessBaseAPISetImage(handle, pixels, width, height, 1, stride);
        lib.TessBaseAPISetSourceResolution(handle, SOURCE_PPI);
        Pointer monitor = lib.TessMonitorCreate();
        long started = System.nanoTime();
        try {
            lib.TessMonitorSetDeadlineMSecs(monitor, deadlineMillis);
            int rc = lib.TessBaseAPIRecognize(handle, monitor);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            if (rc != 0) {
                if (elapsedMillis >= deadlineMillis) {
                    throw new OcrTimeoutException(deadlineMillis);
                }
                throw new OcrUnavailableException("Tesseract could not recognise the image (status " + rc + ")");
            }
            return words();
        } finally {
            lib.TessMonitorDelete(monitor);
            lib.TessBaseAPIClear(handle);
        }
    }

    private ReadText words() {
        Pointer it = lib.TessBaseAPIGetIterator(handle);
        if (it == null) {
            return ReadText.EMPTY;
        }
        StringBuilder text = new StringBuilder();
        List<ReadText.Word> words = new ArrayList<>();
        IntByReference left = new IntByReference();
        IntByReference top = new IntByReference();
        IntByReference right = new IntByReference();
        IntByReference bottom = new IntByReference();
        try {
            Pointer page = lib.TessResultIteratorGetPageIteratorConst(it);
            do {
                Pointer raw = lib.TessResultIteratorGetUTF8Text(it, TesseractLibrary.RIL_WORD);
                if (raw == null) {
                    continue;
                }
                String word;
                try {
                    word = raw.getString(0, StandardCharsets.UTF_8.name()).strip();
                } finally {
                    lib.TessDeleteText(raw);
                }
                if (word.isEmpty()) {
                    continue;
                }
                boolean newLine = lib.TessPageIteratorIsAtBeginningOf(page, TesseractLibrary.RIL_TEXTLINE) != 0;
                if (text.length() > 0) {
                    if (newLine) {
                        text.append('\n');
                    } else if (!(isIdeograph(text.charAt(text.length() - 1)) && isIdeograph(word.charAt(0)))) {
                        text.append(' ');
                    }
                }
                int start = text.length();
                text.append(word);
                lib.TessPageIteratorBoundingBox(page, TesseractLibrary.RIL_WORD, left, top, right, bottom);
                TextBox box = new TextBox(left.getValue(), top.getValue(), Math.max(0, right.getValue() - left.getValue()),
                        Math.max(0, bottom.getValue() - top.getValue()));
                words.add(new ReadText.Word(start, text.length(), box,
                        lib.TessResultIteratorConfidence(it, TesseractLibrary.RIL_WORD)));
            } while (lib.TessResultIteratorNext(it, TesseractLibrary.RIL_WORD) != 0);
        } finally {
            lib.TessResultIteratorDelete(it);
        }
        return new ReadText(text.toString(), words);
    }

    private static boolean isIdeograph(char c) {
        return Character.isIdeographic(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF);
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.TessBaseAPIEnd(handle);
            lib.TessBaseAPIDelete(handle);
            handle = null;
        }
    }
}
