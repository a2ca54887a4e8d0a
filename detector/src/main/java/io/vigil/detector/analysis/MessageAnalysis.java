package io.vigil.detector.analysis;

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
 */
public record MessageAnalysis(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media,
                              boolean followsImage, Optional<TextScan> text) {

    public MessageAnalysis {
        media = List.copyOf(media);
    }

    public static MessageAnalysis of(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media) {
        return new MessageAnalysis(event, group, media, false, Optional.empty());
    }

    public MessageAnalysis mapMedia(UnaryOperator<MediaAnalysis> step) {
        return new MessageAnalysis(event, group, media.stream().map(step).toList(), followsImage, text);
    }

    public MessageAnalysis withFollowsImage(boolean follows) {
        return new MessageAnalysis(event, group, media, follows, text);
    }

    public MessageAnalysis withText(TextScan scan) {
        return new MessageAnalysis(event, group, media, followsImage, Optional.of(scan));
    }

    /** The group's country, the default region for phone numbers written without a country code. */
    public Optional<String> countryHint() {
        return group.map(GroupMetadata::getCountryHint);
    }
}
