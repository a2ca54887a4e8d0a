package io.vigil.detector.doxxing;

import java.util.List;

/**
 * The result of scanning one message: the personal data found (hashed and masked), the exposure score in [0,1],
 * the decision at the configured threshold, the reasons behind the score in words, and the cue kinds of the message
 * (for the sender's next message). Nothing here carries a personal value in clear, so the whole object may be
 * logged, serialised and shown to moderators.
 */
public record TextScan(List<DetectedEntity> entities, double score, boolean doxxing, List<String> reasons, PriorCues cues) {

    public static final TextScan EMPTY = new TextScan(List.of(), 0.0, false, List.of(), PriorCues.NONE);

    public TextScan {
        entities = List.copyOf(entities);
        reasons = List.copyOf(reasons);
    }

    public TextScan(List<DetectedEntity> entities, double score, boolean doxxing, List<String> reasons) {
        this(entities, score, doxxing, reasons, PriorCues.NONE);
    }
}
