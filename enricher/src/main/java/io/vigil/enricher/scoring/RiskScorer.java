package io.vigil.enricher.scoring;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.Visibility;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An explainable risk score: the weight of the most severe evidence, raised by the context that makes harm spread
 * faster (a large or public group, a group with past violations, a forward from another chat). Context alone never
 * scores: a large public group with nothing found in the message is not a risk.
 */
public final class RiskScorer {

    private final ScoringPolicy policy;

    public RiskScorer(ScoringPolicy policy) {
        this.policy = policy;
    }

    public Score score(List<Evidence> evidence, Optional<GroupFacts> group, boolean forwarded) {
        List<Score.Term> terms = new ArrayList<>();
        Set<ContentCategory> categories = EnumSet.noneOf(ContentCategory.class);
        double severity = 0;
        for (Evidence e : evidence) {
            categories.add(e.category());
            double weight = e.weight().orElse(policy.categoryWeights().get(e.category()));
            boolean strongest = weight > severity;
            terms.add(new Score.Term(e.code(), e.description(), strongest ? weight - severity : 0));
            severity = Math.max(severity, weight);
        }
        if (group.isEmpty()) {
            terms.add(new Score.Term("group_unknown", "No metadata known for this chat yet", 0));
        }
        if (severity == 0) {
            return new Score(0, RiskLevel.NONE, categories, terms);
        }
        double value = severity;
        if (group.isPresent()) {
            GroupFacts g = group.get();
            if (g.memberCount() >= policy.largeGroupMembers()) {
                value += add(terms, "large_group", "Posted to " + members(g.memberCount()) + " members", policy.largeGroupWeight(), value);
            }
            if (g.visibility() == Visibility.PUBLIC) {
                value += add(terms, "public_group", "Anyone can find and join this " + g.kind().name().toLowerCase(Locale.ROOT),
                        policy.publicGroupWeight(), value);
            }
            if (g.strikeCount() > 0) {
                double weight = Math.min(policy.maxStrikeWeight(), g.strikeCount() * policy.strikeWeight());
                value += add(terms, "repeat_offender_group", g.strikeCount() + " confirmed violation(s) in this chat before", weight, value);
            }
        }
        if (forwarded) {
            value += add(terms, "forwarded", "Forwarded from another chat: the content is spreading", policy.forwardedWeight(), value);
        }
        return new Score(value, level(value), categories, terms);
    }

    private static double add(List<Score.Term> terms, String code, String description, double weight, double current) {
        double contribution = Math.min(weight, 1 - current);
        terms.add(new Score.Term(code, description, contribution));
        return contribution;
    }

    private RiskLevel level(double value) {
        ScoringPolicy.Levels levels = policy.levels();
        if (value >= levels.critical()) {
            return RiskLevel.CRITICAL;
        }
        if (value >= levels.high()) {
            return RiskLevel.HIGH;
        }
        if (value >= levels.medium()) {
            return RiskLevel.MEDIUM;
        }
        return value >= levels.low() ? RiskLevel.LOW : RiskLevel.NONE;
    }

    private static String members(long count) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(count);
    }
}
