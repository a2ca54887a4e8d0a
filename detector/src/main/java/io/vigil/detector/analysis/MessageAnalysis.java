package io.vigil.detector.analysis;

import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One message on its way through the detector: the event as received, what is known of its group, and what each
 * step found in its media and text.
 *
 * @param followsImage the sender posted an image in this chat shortly before (or this message carries one)
 * @param text         what the doxxing detector found in the message's text or caption
 * @param imageTexts   what it found in the text read from the message's images (OCR)
 * @param prior        what the same sender's previous message in this chat pointed at, if it came recently
 */
public record MessageAnalysis(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media,
                              boolean followsImage, Optional<TextScan> text, List<ImageTextScan> imageTexts,
                              PriorCues prior) {

    public MessageAnalysis {
        media = List.copyOf(media);
        imageTexts = List.copyOf(imageTexts);
    }

    public static MessageAnalysis of(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media) {
        return new MessageAnalysis(event, group, media, false, Optional.empty(), List.of(), PriorCues.NONE);
    }

    public MessageAnalysis mapMedia(UnaryOperator<MediaAnalysis> step) {
        return new MessageAnalysis(event, group, media.stream().map(step).toList(), followsImage, text, imageTexts, prior);
    }

    public MessageAnalysis withFollowsImage(boolean follows) {
        return new MessageAnalysis(event, group, media, follows, text, imageTexts, prior);
    }

    public MessageAnalysis withText(TextScan scan) {
        return new MessageAnalysis(event, group, media, followsImage, Optional.of(scan), imageTexts, prior);
    }

    public MessageAnalysis withImageTexts(List<ImageTextScan> scans) {
        return new MessageAnalysis(event, group, media, followsImage, text, scans, prior);
    }

    public MessageAnalysis withPrior(PriorCues cues) {
        return new MessageAnalysis(event, group, media, followsImage, text, imageTexts, cues);
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
