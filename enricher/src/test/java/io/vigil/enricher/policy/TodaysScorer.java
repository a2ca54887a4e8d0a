package io.vigil.enricher.policy;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.Visibility;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The enricher's scoring as it was before policies were rules (EvidenceExtraction and RiskScorer at commit 05df754,
 * with the weights of that enricher.yaml), kept in the tests as the oracle that the default policy must reproduce,
 * and in the enricher benchmark as today's stateless enricher (shared through the test jar).
 */
public final class TodaysScorer {

    public record Term(String code, String description, double contribution) {
    }

    public record Score(double value, RiskLevel level, Set<ContentCategory> categories, List<Term> terms) {
    }

    private record Evidence(String code, ContentCategory category, String description, OptionalDouble weight) {
    }

    private static final Map<ContentCategory, Double> CATEGORY_WEIGHTS = new EnumMap<>(Map.of(
            ContentCategory.CSAM, 1.0, ContentCategory.NCII, 0.9, ContentCategory.TERRORISM, 0.85,
            ContentCategory.VIOLENT_EXTREMISM, 0.75, ContentCategory.PLATFORM_TAKEDOWN, 0.6, ContentCategory.DOXXING, 0.75,
            ContentCategory.OTHER, 0.4));
    private static final long LARGE_GROUP_MEMBERS = 1000;
    private static final double LARGE_GROUP_WEIGHT = 0.05;
    private static final double PUBLIC_GROUP_WEIGHT = 0.03;
    private static final double STRIKE_WEIGHT = 0.02;
    private static final double MAX_STRIKE_WEIGHT = 0.06;
    private static final double FORWARDED_WEIGHT = 0.03;
    private static final double EXPLICIT_THRESHOLD = 0.8;
    private static final double EXPLICIT_WEIGHT = 0.6;
    private static final double WITH_PERSONAL_DATA_WEIGHT = 0.95;

    private TodaysScorer() {
    }

    public static Score score(Detection detection, Optional<GroupMetadata> group) {
        List<Evidence> evidence = evidence(detection);
        List<Term> terms = new ArrayList<>();
        Set<ContentCategory> categories = EnumSet.noneOf(ContentCategory.class);
        double severity = 0;
        for (Evidence e : evidence) {
            categories.add(e.category());
            double weight = e.weight().orElse(CATEGORY_WEIGHTS.get(e.category()));
            boolean strongest = weight > severity;
            terms.add(new Term(e.code(), e.description(), strongest ? weight - severity : 0));
            severity = Math.max(severity, weight);
        }
        if (group.isEmpty()) {
            terms.add(new Term("group_unknown", "No metadata known for this chat yet", 0));
        }
        if (severity == 0) {
            return new Score(0, RiskLevel.NONE, categories, terms);
        }
        double value = severity;
        if (group.isPresent()) {
            GroupMetadata g = group.get();
            if (g.getMemberCount() >= LARGE_GROUP_MEMBERS) {
                value += add(terms, "large_group", "Posted to " + NumberFormat.getIntegerInstance(Locale.ROOT).format(g.getMemberCount())
                        + " members", LARGE_GROUP_WEIGHT, value);
            }
            if (g.getVisibility() == Visibility.PUBLIC) {
                value += add(terms, "public_group", "Anyone can find and join this " + g.getKind().name().toLowerCase(Locale.ROOT),
                        PUBLIC_GROUP_WEIGHT, value);
            }
            if (g.getStrikeCount() > 0) {
                double weight = Math.min(MAX_STRIKE_WEIGHT, g.getStrikeCount() * STRIKE_WEIGHT);
                value += add(terms, "repeat_offender_group", g.getStrikeCount() + " confirmed violation(s) in this chat before", weight, value);
            }
        }
        if (detection.getForwardedFromChatId() != null) {
            value += add(terms, "forwarded", "Forwarded from another chat: the content is spreading", FORWARDED_WEIGHT, value);
        }
        return new Score(value, level(value), categories, terms);
    }

    private static double add(List<Term> terms, String code, String description, double weight, double current) {
        double contribution = Math.min(weight, 1 - current);
        terms.add(new Term(code, description, contribution));
        return contribution;
    }

    private static RiskLevel level(double value) {
        if (value >= 0.85) {
            return RiskLevel.CRITICAL;
        }
        if (value >= 0.6) {
            return RiskLevel.HIGH;
        }
        if (value >= 0.4) {
            return RiskLevel.MEDIUM;
        }
        return value >= 0.2 ? RiskLevel.LOW : RiskLevel.NONE;
    }

    private static List<Evidence> evidence(Detection detection) {
        List<Evidence> evidence = new ArrayList<>();
        List<MediaSignal> media = detection.getMedia();
        TextSignal text = detection.getText();
        boolean exposesSomeone = text != null && text.getDoxxing();
        for (int i = 0; i < media.size(); i++) {
            for (HashMatch match : media.get(i).getMatches()) {
                evidence.add(new Evidence("bank_match", match.getCategory(), describe(i + 1, media.size(), match), OptionalDouble.empty()));
            }
            NudityScores scores = media.get(i).getNudity();
            if (scores != null && scores.getExplicit() >= EXPLICIT_THRESHOLD && media.get(i).getMatches().isEmpty()) {
                String which = media.size() == 1 ? "The image" : "Image " + (i + 1) + " of " + media.size();
                evidence.add(exposesSomeone
                        ? new Evidence("explicit_image_with_personal_data", ContentCategory.NCII, which + " is explicit ("
                                + percent(scores.getExplicit()) + ", model " + scores.getModel() + ") and the message exposes personal data",
                                OptionalDouble.of(WITH_PERSONAL_DATA_WEIGHT))
                        : new Evidence("explicit_image", ContentCategory.NCII, which + " is explicit (" + percent(scores.getExplicit())
                                + ", model " + scores.getModel() + ") and in no bank: possibly a new leak", OptionalDouble.of(EXPLICIT_WEIGHT)));
            }
        }
        if (exposesSomeone) {
            evidence.add(new Evidence("doxxing", ContentCategory.DOXXING, "The text exposes a third person's "
                    + text.getEntities().stream().map(e -> e.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ')).distinct()
                    .collect(Collectors.joining(", "))
                    + " (exposure " + percent(text.getScore()) + "): " + String.join("; ", text.getReasons()), OptionalDouble.empty()));
        }
        return evidence;
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
