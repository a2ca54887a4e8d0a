package io.vigil.detector.ocr;

import java.util.List;
import java.util.Optional;

/**
 * The text recognised in one image, as one string (words joined by spaces, lines by line breaks; ideographs joined
 * without spaces, as Chinese is written) and where each word was read, so that an entity found in the string can be
 * located in the image.
 *
 * @param text  the recognised text
 * @param words every word with its span in {@code text} and its box in the image
 */
public record ReadText(String text, List<Word> words) {

    public static final ReadText EMPTY = new ReadText("", List.of());

    /** A recognised word: {@code [start,end)} in the text, its box, and Tesseract's confidence (0-100). */
    public record Word(int start, int end, TextBox box, float confidence) {
    }

    public ReadText {
        words = List.copyOf(words);
    }

    /** The box around every word that overlaps {@code [start,end)} of the text, if any does. */
    public Optional<TextBox> boxOf(int start, int end) {
        TextBox box = null;
        for (Word w : words) {
            if (w.start() < end && start < w.end()) {
                box = box == null ? w.box() : box.union(w.box());
            }
        }
        return Optional.ofNullable(box);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
