package io.vigil.enricher.steps;

import io.vigil.enricher.scoring.Evidence;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.SignalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the detector's findings as evidence for the scorer, each with a sentence a moderator can verify. */
public final class EvidenceExtraction {

    public List<Evidence> evidence(Detection detection) {
        List<Evidence> evidence = new ArrayList<>();
        List<MediaSignal> media = detection.getMedia();
        for (int i = 0; i < media.size(); i++) {
            for (HashMatch match : media.get(i).getMatches()) {
                evidence.add(new Evidence("bank_match", match.getCategory(), describe(i + 1, media.size(), match)));
            }
        }
        return evidence;
    }

    private static String describe(int position, int count, HashMatch match) {
        String which = count == 1 ? "The media item" : "Media item " + position + " of " + count;
        String how = match.getSignalType() == SignalType.PDQ
                ? "PDQ perceptual hash at distance " + match.getDistance()
                : (match.getSignalType() == SignalType.MD5 ? "MD5" : "SHA-256") + " exact hash";
        return which + " matches bank '" + match.getBankId() + "' of known " + label(match.getCategory().name())
                + " (source " + match.getSource().name().toLowerCase(Locale.ROOT) + ", " + how + ")";
    }

    private static String label(String category) {
        return switch (category) {
            case "NCII" -> "non-consensual intimate images";
            case "CSAM" -> "child sexual abuse material";
            case "PLATFORM_TAKEDOWN" -> "content this platform took down";
            default -> category.toLowerCase(Locale.ROOT).replace('_', ' ') + " content";
        };
    }
}
