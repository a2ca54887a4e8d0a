package io.vigil.detector.analysis;

import io.vigil.detector.banks.MatchResult;
import io.vigil.schemas.MediaItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is known about one media item as it passes the detector's steps. The bytes live only here, in memory,
 * between fetching and the last step that needs them; they never reach an output topic.
 */
public record MediaAnalysis(
        MediaItem item,
        Optional<byte[]> bytes,
        Optional<String> md5,
        Optional<String> sha256,
        MatchResult bankMatches,
        List<MediaFailure> failures) {

    public static MediaAnalysis fetched(MediaItem item, byte[] bytes) {
        return new MediaAnalysis(item, Optional.of(bytes), Optional.empty(), Optional.empty(), MatchResult.NONE, List.of());
    }

    public static MediaAnalysis failed(MediaItem item, MediaFailure failure) {
        return new MediaAnalysis(item, Optional.empty(), Optional.empty(), Optional.empty(), MatchResult.NONE, List.of(failure));
    }

    public MediaAnalysis withDigests(String md5, String sha256) {
        return new MediaAnalysis(item, bytes, Optional.of(md5), Optional.of(sha256), bankMatches, failures);
    }

    public MediaAnalysis withBankMatches(MatchResult matches) {
        return new MediaAnalysis(item, bytes, md5, sha256, matches, failures);
    }

    public MediaAnalysis withFailure(MediaFailure failure) {
        List<MediaFailure> all = new ArrayList<>(failures);
        all.add(failure);
        return new MediaAnalysis(item, bytes, md5, sha256, bankMatches, List.copyOf(all));
    }
}
