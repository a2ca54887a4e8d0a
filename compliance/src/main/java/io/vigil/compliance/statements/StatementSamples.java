package io.vigil.compliance.statements;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.StatementOfReasons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a statement policy as a whole at start: drafts the statement of every configured category with every
 * restriction and validates each against the database's rules, so that a ground too long or a keyword the database
 * does not know stops the service with a clear message instead of dead-lettering every statement in production.
 */
public final class StatementSamples {

    private StatementSamples() {
    }

    public static List<String> problems(StatementPolicy policy) {
        StatementDrafter drafter = new StatementDrafter(policy);
        StatementValidator validator = new StatementValidator();
        List<String> problems = new ArrayList<>();
        for (String category : policy.categories().keySet()) {
            for (EnforcementType type : StatementPolicy.RESTRICTING) {
                if (policy.restriction(type) == null) {
                    continue;
                }
                Optional<StatementOfReasons> sample = drafter.restriction(new ActionContext(sample(category, type), Optional.empty(), Set.of()));
                sample.ifPresent(statement -> validator.validate(StatementJson.toJson(statement.getStatement())).forEach(v ->
                        problems.add("categories." + category + " with restrictions." + type + " gives a statement the database refuses: " + v)));
            }
        }
        return problems;
    }

    private static EnforcementAction sample(String category, EnforcementType type) {
        Instant now = Instant.parse("2026-01-15T12:00:00Z");
        return EnforcementAction.newBuilder()
                .setActionId("sample:" + type).setDecisionId("sample").setItemId("sample").setType(type).setPlatform("sample")
                .setChatId("sample").setMessageId("sample").setQueue("sample").setModeratorId("sample")
                .setCategory(category.equals(StatementPolicy.DEFAULT_CATEGORY) ? null : ContentCategory.valueOf(category))
                .setDecidedAt(now).setIssuedAt(now).build();
    }
}
