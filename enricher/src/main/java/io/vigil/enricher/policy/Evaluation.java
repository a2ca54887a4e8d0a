package io.vigil.enricher.policy;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.RiskLevel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a policy made of one message: the score with the terms it is the sum of, each in words a moderator can
 * check, and every rule that fired (shadow ones included, which changed nothing).
 *
 * @param severity  the base the evidence rules set, before context raised it
 * @param queueHint the queue named by the first acting rule, in policy order, that names one
 */
public record Evaluation(double score, RiskLevel level, double severity, Set<ContentCategory> categories, List<Term> terms,
                         List<Hit> hits, Optional<String> queueHint) {

    /** One term of the score. */
    public record Term(String code, String description, double contribution) {
    }

    /** A rule that fired, what it did (or in shadow would have done) and what that added. */
    public record Hit(String rule, boolean shadow, String outcome, double contribution, Optional<String> queue) {
    }
}
