package io.vigil.detector.analysis;

import io.vigil.schemas.MessageEvent;

import java.util.List;
import java.util.function.UnaryOperator;

/** One message on its way through the detector: the event as received and what each step found in its media. */
public record MessageAnalysis(MessageEvent event, List<MediaAnalysis> media) {

    public MessageAnalysis {
        media = List.copyOf(media);
    }

    public MessageAnalysis mapMedia(UnaryOperator<MediaAnalysis> step) {
        return new MessageAnalysis(event, media.stream().map(step).toList());
    }
}
