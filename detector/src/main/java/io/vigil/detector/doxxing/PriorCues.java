package io.vigil.detector.doxxing;

import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.List;

/**
 * What the same sender's previous message in the chat said about who it is about, as cue kinds only: "her number
 * is" in one message and the digits in the next is one exposure split over two. No word of the message is kept, so
 * the pipeline may store this per sender.
 *
 * @param bits one bit per {@link CueKind} ordinal among {@link #CARRIED}
 */
public record PriorCues(int bits) {

    public static final PriorCues NONE = new PriorCues(0);

    /** The cue kinds worth carrying to the next message: those that point at a third person or at her data. */
    static final List<CueKind> CARRIED = List.of(CueKind.TARGETING, CueKind.INCITEMENT, CueKind.DEROGATORY,
            CueKind.THIRD_PERSON, CueKind.RESIDENCE, CueKind.RELATIVE, CueKind.NAME_INTRO, CueKind.SELF_CONTACT,
            CueKind.BUSINESS, CueKind.INSTITUTION, CueKind.NEWS, CueKind.PUBLIC_FIGURE, CueKind.EVENT);

    public static PriorCues of(List<PhraseHit> hits) {
        int bits = 0;
        for (PhraseHit h : hits) {
            int i = CARRIED.indexOf(h.kind());
            if (i >= 0) {
                bits |= 1 << i;
            }
        }
        return new PriorCues(bits);
    }

    public boolean has(CueKind kind) {
        int i = CARRIED.indexOf(kind);
        return i >= 0 && (bits & (1 << i)) != 0;
    }

    /**
     * The previous message was about the writer, a business or an office and pointed at no one else (a seller's
     * "anyone after some trainers?" before their own contact).
     */
    public boolean aboutWriterOrOrganisation() {
        return !pointsAtSomeone() && (has(CueKind.SELF_CONTACT) || has(CueKind.BUSINESS) || has(CueKind.INSTITUTION)
                || has(CueKind.NEWS) || has(CueKind.PUBLIC_FIGURE) || has(CueKind.EVENT));
    }

    /**
     * The previous message pointed at someone else (targeting, insults, calls to harass, her relatives, her name, or
     * words for a third person: "this is Jordan's ex", "the girl in the photo above"). Split exposures announce the
     * person first in any words a writer likes; the data follows alone. A seller's or an office's message does not
     * point at anyone, unless it also says whose data is coming ("the one from the festival vid": a festival is
     * also a business word).
     */
    public boolean pointsAtSomeone() {
        boolean atSomeone = has(CueKind.TARGETING) || has(CueKind.INCITEMENT) || has(CueKind.DEROGATORY)
                || has(CueKind.RESIDENCE) || has(CueKind.RELATIVE) || has(CueKind.NAME_INTRO)
                || has(CueKind.THIRD_PERSON);
        boolean organisation = has(CueKind.BUSINESS) && !has(CueKind.TARGETING) || has(CueKind.INSTITUTION);
        return atSomeone && !has(CueKind.SELF_CONTACT) && !organisation;
    }
}
