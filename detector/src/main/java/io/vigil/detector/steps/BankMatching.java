package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MediaFailure;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.banks.BankEntry;
import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.banks.BankMatch;
import io.vigil.detector.banks.FloodDetector;
import io.vigil.detector.banks.MatchResult;
import io.vigil.detector.banks.MediaHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Looks every hashed media item up in the hash banks as they are at this moment, and watches for flooding entries. */
public final class BankMatching {

    private static final Logger LOG = LoggerFactory.getLogger(BankMatching.class);

    private final BankIndex banks;
    private final FloodDetector floods;
    private final DetectorMetrics metrics;

    public BankMatching(BankIndex banks, FloodDetector floods, DetectorMetrics metrics) {
        this.banks = banks;
        this.floods = floods;
        this.metrics = metrics;
    }

    public MessageAnalysis match(MessageAnalysis message) {
        return message.mapMedia(this::match);
    }

    private MediaAnalysis match(MediaAnalysis media) {
        if (media.md5().isEmpty() && media.sha256().isEmpty() && media.pdq().isEmpty()) {
            return media;
        }
        MatchResult result = banks.match(new MediaHashes(media.md5(), media.sha256(), media.pdq()));
        for (BankMatch match : result.matches()) {
            BankEntry entry = match.entry();
            metrics.detection(entry.signalType(), entry.category().name().toLowerCase(Locale.ROOT));
            floods.record(entry.key()).ifPresent(flood -> {
                metrics.bankFlood(entry.bankId());
                LOG.warn("bank entry {} of bank {} is flooding: {} matches in this window against a usual {}; "
                        + "a bad hash in the list? allow-list it if so", entry.entryId(), entry.bankId(),
                        flood.matches(), String.format(Locale.ROOT, "%.1f", flood.usual()));
            });
        }
        if (!result.suppressed().isEmpty()) {
            metrics.allowListSuppression();
        }
        MediaAnalysis matched = media.withBankMatches(result);
        return result.pdqSkipped()
                .map(skip -> matched.withSkipped(new MediaFailure("pdq_match", skip.code() + ": " + skip.reason())))
                .orElse(matched);
    }
}
