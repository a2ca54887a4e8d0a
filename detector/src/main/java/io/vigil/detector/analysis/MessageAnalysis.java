package io.vigil.detector.analysis;

import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One message on its way through the detector: the event as received, what is known of its group, what each step
 * found in its media and text, and the bounds applied to it.
 *
 * @param followsImage the sender posted an image in this chat shortly before (or this message carries one)
 * @param text         what the doxxing detector found in the message's text or caption
 * @param imageTexts   what it found in the text read from the message's images (OCR)
 * @param prior        what the same sender's previous message in this chat pointed at, if it came recently
 * @param limits       the bounds reached on this message, each recorded in the Detection
 */
public record MessageAnalysis(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media,
                              boolean followsImage, Optional<TextScan> text, List<ImageTextScan> imageTexts,
                              PriorCues prior, List<LimitApplied> limits) {

    public MessageAnalysis {
        media = List.copyOf(media);
        imageTexts = List.copyOf(imageTexts);
        limits = List.copyOf(limits);
    }

    public static MessageAnalysis of(MessageInGroup message, List<MediaAnalysis> media) {
        return new MessageAnalysis(message.event(), message.group(), media, message.followsImage(), Optional.empty(),
                List.of(), message.prior(), List.of());
    }

    public static MessageAnalysis of(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media) {
        return new MessageAnalysis(event, group, media, false, Optional.empty(), List.of(), PriorCues.NONE, List.of());
    }

    /** A message without media: nothing to fetch or decode. */
    public static MessageAnalysis textOnly(MessageInGroup message) {
        return of(message, List.of());
    }

    public MessageAnalysis mapMedia(UnaryOperator<MediaAnalysis> step) {
        return withMedia(media.stream().map(step).toList());
    }

    public MessageAnalysis withMedia(List<MediaAnalysis> analysed) {
        return new MessageAnalysis(event, group, analysed, followsImage, text, imageTexts, prior, limits);
    }

    public MessageAnalysis withFollowsImage(boolean follows) {
        return new MessageAnalysis(event, group, media, follows, text, imageTexts, prior, limits);
    }

    public MessageAnalysis withText(TextScan scan) {
        return new MessageAnalysis(event, group, media, followsImage, Optional.of(scan), imageTexts, prior, limits);
    }

    public MessageAnalysis withImageTexts(List<ImageTextScan> scans) {
        return new MessageAnalysis(event, group, media, followsImage, text, scans, prior, limits);
    }

    public MessageAnalysis withPrior(PriorCues cues) {
        return new MessageAnalysis(event, group, media, followsImage, text, imageTexts, cues, limits);
    }

    public MessageAnalysis withLimit(LimitApplied limit) {
        List<LimitApplied> all = new ArrayList<>(limits);
        all.add(limit);
        return new MessageAnalysis(event, group, media, followsImage, text, imageTexts, prior, all);
    }

    /** The group's language, read for OCR. */
    public Optional<String> languageHint() {
        return group.map(GroupMetadata::getLanguageHint);
    }

    /** The group's country, the default region for phone numbers written without a country code. */
    public Optional<String> countryHint() {
        return group.map(GroupMetadata::getCountryHint);
    }
}
