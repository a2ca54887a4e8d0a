package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MediaFailure;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.analysis.MessageInGroup;
import io.vigil.runtime.blobs.BlobException;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.schemas.MediaItem;

/** Gets each media item's bytes; an item whose bytes cannot be had carries the reason and the rest go on. */
public final class MediaFetching {

    private final BlobStore blobs;
    private final DetectorMetrics metrics;

    public MediaFetching(BlobStore blobs, DetectorMetrics metrics) {
        this.blobs = blobs;
        this.metrics = metrics;
    }

    public MessageAnalysis fetch(MessageInGroup message) {
        return MessageAnalysis.of(message, message.event().getMedia().stream().map(this::fetch).toList());
    }

    private MediaAnalysis fetch(MediaItem item) {
        try {
            return MediaAnalysis.fetched(item, blobs.fetch(item));
        } catch (BlobException e) {
            metrics.mediaFailure(e.code());
            return MediaAnalysis.failed(item, new MediaFailure(e.code(), e.getMessage()));
        }
    }
}
