package io.vigil.enricher.policy;

/** What a rule does when its conditions hold. */
public sealed interface Effect {

    /** An evidence rule: the finding scores this much; the strongest finding sets the base. */
    record Severity(double weight) implements Effect {
    }

    /** A message rule: raises a non-zero base by this much (never past 1); context alone never scores. */
    record Add(double weight) implements Effect {
    }

    /** A message rule: raises a non-zero base by {@code weight} per unit of a count, up to {@code max}. */
    record AddPer(Field per, double weight, double max) implements Effect {
    }

    /** A message rule: a reason with no contribution, written whenever the conditions hold. */
    record Note() implements Effect {
    }
}
