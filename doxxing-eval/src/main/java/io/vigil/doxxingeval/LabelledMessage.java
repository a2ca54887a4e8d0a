package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.EntityType;

import java.util.List;

/**
 * One message of the labelled corpus, markup stripped: the plain text and the gold entity spans in it.
 *
 * @param afterImage whether the message follows an image from the same sender (the detector's followsImage input)
 */
public record LabelledMessage(String id, String lang, String country, String split, boolean doxxing,
                              boolean afterImage, String category, String text, List<GoldSpan> entities) {

    /** A labelled entity: its type and span in {@link #text()} (Java chars, end exclusive). */
    public record GoldSpan(EntityType type, int start, int end) {
    }

    public LabelledMessage {
        entities = List.copyOf(entities);
    }

    @Override
    public String toString() {
        return "LabelledMessage[" + id + " " + lang + "/" + country + " " + split + " doxxing=" + doxxing + "]";
    }
}
