package io.vigil.enricher.policy;

import io.vigil.enricher.evidence.Finding;

/**
 * What one rule evaluation reads: the message, the finding an evidence rule weighs (null for message rules), and
 * the base severity so far.
 */
public record RuleInput(MessageFacts message, Finding finding, double severity) {
}
