package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.banks.BankMatch;
import io.vigil.detector.banks.MatchResult;
import io.vigil.detector.banks.MediaHashes;

/** Looks every hashed media item up in the hash banks, as they are at this moment. */
public final class BankMatching {

    private final BankIndex banks;
    private final DetectorMetrics metrics;

    public BankMatching(BankIndex banks, DetectorMetrics metrics) {
        this.banks = banks;
        this.metrics = metrics;
    }

    public MessageAnalysis match(MessageAnalysis message) {
        return message.mapMedia(this::match);
    }

    private MediaAnalysis match(MediaAnalysis media) {
        if (media.md5().isEmpty() && media.sha256().isEmpty()) {
            return media;
        }
        MatchResult result = banks.match(new MediaHashes(media.md5(), media.sha256()));
        for (BankMatch match : result.matches()) {
            metrics.detection(match.entry().signalType(), match.entry().category().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!result.suppressed().isEmpty()) {
            metrics.allowListSuppression();
        }
        return media.withBankMatches(result);
    }
}
