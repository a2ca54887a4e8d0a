package io.vigil.detector.steps;

import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.hashing.Digests;

/** Computes the exact hashes (MD5, SHA-256) of every fetched media item, whatever its kind. */
public final class MediaHashing {

    public MessageAnalysis hash(MessageAnalysis message) {
        return message.mapMedia(MediaHashing::hash);
    }

    private static MediaAnalysis hash(MediaAnalysis media) {
        return media.bytes()
                .map(bytes -> media.withDigests(Digests.md5Hex(bytes), Digests.sha256Hex(bytes)))
                .orElse(media);
    }
}
