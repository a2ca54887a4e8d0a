package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.EntityType;

import java.util.List;

/**
 * One message of the labelled corpus, markup stripped: the plain text and the gold entity spans in it.
 *
 * @param country    the group's country hint, empty when the message comes without one
 * @param afterImage whether the message follows an image from the same sender (the detector's followsImage input)
 * @param kind       the error kind the message was written for, when the corpus names one (else empty)
 * @param previous   the same sender's message just before in the chat, markup stripped, or empty
 */
public record LabelledMessage(String id, String lang, String country, String split, boolean doxxing,
                              boolean afterImage, String category, String kind, String previous, String text,
                              List<GoldSpan> entities) {

    /** A labelled entity: its type and span in {@link #text()} (Java chars, end exclusive). */
    public record GoldSpan(EntityType type, int start, int end) {
    }

    public LabelledMessage {
        entities = List.copyOf(entities);
    }

    public LabelledMessage(String id, String lang, String country, String split, boolean doxxing, boolean afterImage,
                           String category, String text, List<GoldSpan> entities) {
        this(id, lang, country, split, doxxing, afterImage, category, "", "", text, entities);
    }

    public java.util.Optional<String> countryHint() {
        return country.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(country);
    }

    @Override
    public String toString() {
        return "LabelledMessage[" + id + " " + lang + "/" + country + " " + split + " doxxing=" + doxxing + "]";
    }
}
