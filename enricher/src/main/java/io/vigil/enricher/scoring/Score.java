package io.vigil.enricher.scoring;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.RiskLevel;

import java.util.List;
import java.util.Set;

/** A risk score with the terms it is the sum of, each one in words a moderator can check. */
public record Score(double value, RiskLevel level, Set<ContentCategory> categories, List<Term> terms) {

    public record Term(String code, String description, double contribution) {
    }
}
