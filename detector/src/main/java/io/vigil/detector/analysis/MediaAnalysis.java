package io.vigil.detector.analysis;

import io.vigil.detector.banks.MatchResult;
import io.vigil.detector.nudity.NudityScores;
import io.vigil.detector.ocr.ReadText;
import io.vigil.pdq.PdqHashes;
import io.vigil.schemas.MediaItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is known about one media item as it passes the detector's steps. The bytes live only here, in memory,
 * between fetching and image analysis; they never reach an output topic.
 *
 * @param skipped analysis steps deliberately not run on this item, and why
 * @param readText the text OCR read in the image, with where each word is, when it was read
 */
public record MediaAnalysis(
        MediaItem item,
        Optional<byte[]> bytes,
        Optional<String> md5,
        Optional<String> sha256,
        Optional<PdqHashes> pdq,
        Optional<NudityScores> nudity,
        MatchResult bankMatches,
        List<MediaFailure> failures,
        List<MediaFailure> skipped,
        Optional<ReadText> readText) {

    public static MediaAnalysis fetched(MediaItem item, byte[] bytes) {
        return new MediaAnalysis(item, Optional.of(bytes), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                MatchResult.NONE, List.of(), List.of(), Optional.empty());
    }

    public static MediaAnalysis failed(MediaItem item, MediaFailure failure) {
        return new MediaAnalysis(item, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                MatchResult.NONE, List.of(failure), List.of(), Optional.empty());
    }

    public MediaAnalysis withDigests(String md5, String sha256) {
        return new MediaAnalysis(item, bytes, Optional.of(md5), Optional.of(sha256), pdq, nudity, bankMatches, failures, skipped, readText);
    }

    public MediaAnalysis withPdq(PdqHashes hashes) {
        return new MediaAnalysis(item, bytes, md5, sha256, Optional.of(hashes), nudity, bankMatches, failures, skipped, readText);
    }

    public MediaAnalysis withNudity(NudityScores scores) {
        return new MediaAnalysis(item, bytes, md5, sha256, pdq, Optional.of(scores), bankMatches, failures, skipped, readText);
    }

    public MediaAnalysis withBankMatches(MatchResult matches) {
        return new MediaAnalysis(item, bytes, md5, sha256, pdq, nudity, matches, failures, skipped, readText);
    }

    public MediaAnalysis withReadText(ReadText text) {
        return new MediaAnalysis(item, bytes, md5, sha256, pdq, nudity, bankMatches, failures, skipped, Optional.of(text));
    }

    /** The same analysis without the media bytes, once no later step needs them. */
    public MediaAnalysis withoutBytes() {
        return new MediaAnalysis(item, Optional.empty(), md5, sha256, pdq, nudity, bankMatches, failures, skipped, readText);
    }

    public MediaAnalysis withFailure(MediaFailure failure) {
        return new MediaAnalysis(item, bytes, md5, sha256, pdq, nudity, bankMatches, append(failures, failure), skipped, readText);
    }

    public MediaAnalysis withSkipped(MediaFailure skip) {
        return new MediaAnalysis(item, bytes, md5, sha256, pdq, nudity, bankMatches, failures, append(skipped, skip), readText);
    }

    private static List<MediaFailure> append(List<MediaFailure> list, MediaFailure added) {
        List<MediaFailure> all = new ArrayList<>(list);
        all.add(added);
        return List.copyOf(all);
    }
}
