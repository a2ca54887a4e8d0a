package io.vigil.enricher.steps;

import io.vigil.enricher.scoring.Evidence;
import io.vigil.enricher.scoring.ScoringPolicy;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.SignalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the detector's findings as evidence for the scorer, each with a sentence a moderator can verify. */
public final class EvidenceExtraction {

    private final ScoringPolicy.Nudity nudity;

    public EvidenceExtraction(ScoringPolicy.Nudity nudity) {
        this.nudity = nudity;
    }

    public List<Evidence> evidence(Detection detection) {
        List<Evidence> evidence = new ArrayList<>();
        List<MediaSignal> media = detection.getMedia();
        TextSignal text = detection.getText();
        boolean exposesSomeone = text != null && text.getDoxxing();
        for (int i = 0; i < media.size(); i++) {
            for (HashMatch match : media.get(i).getMatches()) {
                evidence.add(new Evidence("bank_match", match.getCategory(), describe(i + 1, media.size(), match)));
            }
            NudityScores scores = media.get(i).getNudity();
            if (scores != null && scores.getExplicit() >= nudity.explicitThreshold() && media.get(i).getMatches().isEmpty()) {
                String which = media.size() == 1 ? "The image" : "Image " + (i + 1) + " of " + media.size();
                evidence.add(exposesSomeone
                        ? new Evidence("explicit_image_with_personal_data", ContentCategory.NCII, which + " is explicit ("
                                + percent(scores.getExplicit()) + ", model " + scores.getModel() + ") and the message exposes personal data",
                                nudity.withPersonalDataWeight())
                        : new Evidence("explicit_image", ContentCategory.NCII, which + " is explicit (" + percent(scores.getExplicit())
                                + ", model " + scores.getModel() + ") and in no bank: possibly a new leak", nudity.explicitWeight()));
            }
        }
        if (exposesSomeone) {
            evidence.add(new Evidence("doxxing", ContentCategory.DOXXING, "The text exposes a third person's "
                    + exposed(text) + " (exposure " + percent(text.getScore()) + "): " + String.join("; ", text.getReasons())));
        }
        return evidence;
    }

    private static String exposed(TextSignal text) {
        return text.getEntities().stream().map(e -> e.getType().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    private static String percent(double p) {
        return Math.round(p * 100) + "%";
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
