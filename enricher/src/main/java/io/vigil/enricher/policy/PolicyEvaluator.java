package io.vigil.enricher.policy;

import io.vigil.enricher.evidence.BankMatchFinding;
import io.vigil.enricher.evidence.Finding;
import io.vigil.enricher.evidence.ImageFinding;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.RiskLevel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a policy to one message. Evidence rules weigh each finding (the first acting rule that matches a finding
 * weighs it); the strongest finding sets the base, and every weighed finding is a term. Message rules then apply in
 * policy order: notes always, additions only to a base above zero and never past 1, so context alone never scores.
 * Shadow rules are evaluated at the same points and recorded as hits, but never change a term, the score, the level
 * or the queue hint.
 */
public final class PolicyEvaluator {

    private final Policy policy;

    public PolicyEvaluator(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * The evidence rules alone: what a message weighs before the network memory is asked, and whether it is harmful
     * in the sense of the policy's case categories (it may then open a victim case).
     */
    public Verdict verdict(MessageFacts facts) {
        double severity = 0;
        Set<ContentCategory> categories = EnumSet.noneOf(ContentCategory.class);
        boolean harmful = false;
        for (Finding finding : facts.findings()) {
            RuleInput input = new RuleInput(facts, finding, severity);
            for (Rule rule : policy.rules()) {
                if (rule.shadow() || rule.scope() != scopeOf(finding) || !rule.holds(input)) {
                    continue;
                }
                double weight = ((Effect.Severity) rule.effect()).weight();
                ContentCategory category = rule.category().orElse(finding.defaultCategory());
                categories.add(category);
                severity = Math.max(severity, weight);
                harmful |= weight > 0 && policy.cases().categories().contains(category);
                break;
            }
        }
        return new Verdict(severity, categories, harmful);
    }

    /** The severity of a message's evidence, its categories, and whether it may open a victim case. */
    public record Verdict(double severity, Set<ContentCategory> categories, boolean harmful) {
    }

    public Evaluation evaluate(MessageFacts facts) {
        List<Evaluation.Term> terms = new ArrayList<>();
        List<Evaluation.Hit> hits = new ArrayList<>();
        Set<ContentCategory> categories = EnumSet.noneOf(ContentCategory.class);
        Set<String> acted = new HashSet<>();
        RiskLevel floor = RiskLevel.NONE;
        double severity = 0;
        for (Finding finding : facts.findings()) {
            boolean weighed = false;
            for (Rule rule : policy.rules()) {
                if (rule.scope() != scopeOf(finding)) {
                    continue;
                }
                RuleInput input = new RuleInput(facts, finding, severity);
                if ((weighed && !rule.shadow()) || !rule.holds(input)) {
                    continue;
                }
                double weight = ((Effect.Severity) rule.effect()).weight();
                double contribution = weight > severity ? weight - severity : 0;
                if (rule.shadow()) {
                    hits.add(hit(rule, "would weigh " + describe(finding) + " at " + format(weight), contribution));
                    continue;
                }
                weighed = true;
                acted.add(rule.name());
                categories.add(rule.category().orElse(finding.defaultCategory()));
                String description = rule.reason().map(r -> r.render(input)).orElse(finding.defaultDescription());
                terms.add(new Evaluation.Term(rule.code().orElse(finding.defaultCode()), description, contribution));
                hits.add(hit(rule, "weighed " + describe(finding) + " at " + format(weight), contribution));
                severity = Math.max(severity, weight);
                floor = max(floor, rule.level());
            }
        }
        double value = severity;
        for (Rule rule : policy.rules()) {
            if (rule.scope() != Scope.MESSAGE) {
                continue;
            }
            RuleInput input = new RuleInput(facts, null, severity);
            if (!rule.holds(input)) {
                continue;
            }
            String code = rule.code().orElse(rule.name());
            String description = rule.reason().map(r -> r.render(input)).orElse("");
            if (rule.effect() instanceof Effect.Note) {
                hits.add(hit(rule, rule.shadow() ? "would note: " + description : "noted: " + description, 0));
                if (!rule.shadow()) {
                    acted.add(rule.name());
                    terms.add(new Evaluation.Term(code, description, 0));
                }
                continue;
            }
            if (severity == 0) {
                continue; // context alone never scores
            }
            double contribution = Math.min(weight(rule.effect(), input), 1 - value);
            if (rule.shadow()) {
                hits.add(hit(rule, "would add " + format(contribution) + ": " + description, contribution));
                continue;
            }
            acted.add(rule.name());
            terms.add(new Evaluation.Term(code, description, contribution));
            hits.add(hit(rule, "added " + format(contribution) + ": " + description, contribution));
            value += contribution;
            floor = max(floor, rule.level());
        }
        Optional<String> queueHint = policy.rules().stream().filter(r -> acted.contains(r.name()) && r.queue().isPresent())
                .findFirst().flatMap(Rule::queue);
        RiskLevel level = max(level(value), Optional.of(floor));
        return new Evaluation(value, level, severity, categories, terms, hits, queueHint);
    }

    private static double weight(Effect effect, RuleInput input) {
        if (effect instanceof Effect.AddPer per) {
            Object count = per.per().valueIn(input);
            long n = count instanceof Number number ? number.longValue() : 0;
            return Math.min(per.max(), n * per.weight());
        }
        return ((Effect.Add) effect).weight();
    }

    private RiskLevel level(double value) {
        Policy.Levels levels = policy.levels();
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

    private static RiskLevel max(RiskLevel a, Optional<RiskLevel> b) {
        return b.filter(l -> l.ordinal() > a.ordinal()).orElse(a);
    }

    static Scope scopeOf(Finding finding) {
        if (finding instanceof BankMatchFinding) {
            return Scope.BANK_MATCH;
        }
        return finding instanceof ImageFinding ? Scope.IMAGE : Scope.TEXT;
    }

    private static String describe(Finding finding) {
        return finding.defaultCode().replace('_', ' ');
    }

    private static Evaluation.Hit hit(Rule rule, String outcome, double contribution) {
        return new Evaluation.Hit(rule.name(), rule.shadow(), outcome, contribution, rule.queue());
    }

    /** Two decimals, as String.format("%.2f") writes them for weights 0-1, without its cost per rule hit. */
    static String format(double v) {
        long hundredths = Math.round(v * 100);
        long abs = Math.abs(hundredths);
        return (hundredths < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }
}
