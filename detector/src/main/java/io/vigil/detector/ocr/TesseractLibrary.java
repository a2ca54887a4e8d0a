package io.vigil.detector.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The part of Tesseract's C API ({@code tesseract/capi.h}, libtesseract 5) that Vigil calls, bound with JNA. The
 * library is the system's (Debian's {@code libtesseract5}, installed with {@code tesseract-ocr}); nothing native
 * ships with Vigil. Handles are opaque pointers; every text the library returns is freed with {@link #TessDeleteText}.
 */
interface TesseractLibrary extends Library {

    /** Page segmentation mode: fully automatic, no orientation detection (PSM_AUTO). */
    int PSM_AUTO = 3;
    /** Sparse text: as much text as possible in no particular order (PSM_SPARSE_TEXT), what screenshots hold. */
    int PSM_SPARSE_TEXT = 11;
    /** The LSTM engine only (OEM_LSTM_ONLY): Debian's language packs carry LSTM models. */
    int OEM_LSTM_ONLY = 1;
    /** Iterator levels (TessPageIteratorLevel). */
    int RIL_BLOCK = 0;
    int RIL_PARA = 1;
    int RIL_TEXTLINE = 2;
    int RIL_WORD = 3;

    static TesseractLibrary load() {
        try {
            return Native.load("tesseract", TesseractLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            // Without the -dev package only the versioned name exists.
            return Native.load("libtesseract.so.5", TesseractLibrary.class);
        }
    }

    String TessVersion();

    Pointer TessBaseAPICreate();

    void TessBaseAPIDelete(Pointer handle);

    int TessBaseAPIInit2(Pointer handle, String datapath, String language, int oem);

    void TessBaseAPIEnd(Pointer handle);

    int TessBaseAPISetVariable(Pointer handle, String name, String value);

    void TessBaseAPISetPageSegMode(Pointer handle, int mode);

    void TessBaseAPISetImage(Pointer handle, byte[] imagedata, int width, int height, int bytesPerPixel, int bytesPerLine);

    void TessBaseAPISetSourceResolution(Pointer handle, int ppi);

    int TessBaseAPIRecognize(Pointer handle, Pointer monitor);

    void TessBaseAPIClear(Pointer handle);

    Pointer TessBaseAPIGetIterator(Pointer handle);

    void TessResultIteratorDelete(Pointer iterator);

    int TessResultIteratorNext(Pointer iterator, int level);

    Pointer TessResultIteratorGetUTF8Text(Pointer iterator, int level);

    float TessResultIteratorConfidence(Pointer iterator, int level);

    Pointer TessResultIteratorGetPageIteratorConst(Pointer iterator);

    int TessPageIteratorIsAtBeginningOf(Pointer pageIterator, int level);

    int TessPageIteratorBoundingBox(Pointer pageIterator, int level, IntByReference left, IntByReference top,
                                    IntByReference right, IntByReference bottom);

    void TessDeleteText(Pointer text);

    Pointer TessMonitorCreate();

    void TessMonitorDelete(Pointer monitor);

    void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);
}
