package io.vigil.detector.doxxing.lexicon;

/**
 * A folded phrase from a cue file.
 *
 * @param text          folded text to look for
 * @param kind          what the phrase tells
 * @param language      language file it comes from
 * @param value         numeric value for number words and months, otherwise 0
 * @param wordStart     whether the phrase must start at a word boundary (false for suffixes like "*straße")
 * @param wordEnd       whether the phrase must end at a word boundary
 */
public record Phrase(String text, CueKind kind, String language, int value, boolean wordStart, boolean wordEnd) {
}
