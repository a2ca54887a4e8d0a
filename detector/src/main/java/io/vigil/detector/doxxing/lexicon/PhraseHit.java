package io.vigil.detector.doxxing.lexicon;

/** A phrase found at {@code [start,end)} of a text. */
public record PhraseHit(int start, int end, Phrase phrase) {

    public CueKind kind() {
        return phrase.kind();
    }
}
