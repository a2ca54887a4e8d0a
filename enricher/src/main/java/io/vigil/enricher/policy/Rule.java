package io.vigil.enricher.policy;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.RiskLevel;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a policy.
 *
 * @param code     the reason code it writes; empty: an evidence rule writes its finding's code, a message rule its name
 * @param category the category an evidence rule gives its finding; empty: the finding's own (a bank's category)
 * @param reason   the reason it writes; empty for an evidence rule: its finding's own description
 * @param queue    a queue it names as a routing hint
 * @param level    a level the assessment reaches at least when the rule acts
 * @param shadow   evaluated and counted, written to the assessment's rule hits, never acted on
 */
public record Rule(String name, Scope scope, List<Condition> conditions, Effect effect, Optional<String> code,
                   Optional<ContentCategory> category, Optional<ReasonTemplate> reason, Optional<String> queue,
                   Optional<RiskLevel> level, boolean shadow) {

    public Rule {
        conditions = List.copyOf(conditions);
    }

    public boolean holds(RuleInput input) {
        for (Condition condition : conditions) {
            if (!condition.holds(input)) {
                return false;
            }
        }
        return true;
    }
}
