package io.vigil.detector.analysis;

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
 */
public record MessageAnalysis(MessageEvent event, Optional<GroupMetadata> group, List<MediaAnalysis> media,
                              boolean followsImage, Optional<TextScan> text, List<LimitApplied> limits) {

    public MessageAnalysis {
        media = List.copyOf(media);
        limits = List.copyOf(limits);
    }

    public static MessageAnalysis of(MessageInGroup message, List<MediaAnalysis> media) {
        return new MessageAnalysis(message.event(), message.group(), media, message.followsImage(), Optional.empty(), List.of());
    }

    /** A message without media: nothing to fetch or decode. */
    public static MessageAnalysis textOnly(MessageInGroup message) {
        return of(message, List.of());
    }

    public MessageAnalysis mapMedia(UnaryOperator<MediaAnalysis> step) {
        return withMedia(media.stream().map(step).toList());
    }

    public MessageAnalysis withMedia(List<MediaAnalysis> analysed) {
        return new MessageAnalysis(event, group, analysed, followsImage, text, limits);
    }

    public MessageAnalysis withFollowsImage(boolean follows) {
        return new MessageAnalysis(event, group, media, follows, text, limits);
    }

    public MessageAnalysis withText(TextScan scan) {
        return new MessageAnalysis(event, group, media, followsImage, Optional.of(scan), limits);
    }

    public MessageAnalysis withLimit(LimitApplied limit) {
        List<LimitApplied> all = new ArrayList<>(limits);
        all.add(limit);
        return new MessageAnalysis(event, group, media, followsImage, text, all);
    }

    /** The group's country, the default region for phone numbers written without a country code. */
    public Optional<String> countryHint() {
        return group.map(GroupMetadata::getCountryHint);
    }
}
