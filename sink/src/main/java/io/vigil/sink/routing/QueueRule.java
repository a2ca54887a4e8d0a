package io.vigil.sink.routing;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.topics.Topics;

import java.util.List;
import java.util.Set;

/**
 * One moderator queue and which assessments it takes.
 *
 * @param name       becomes the topic {@code queue.<name>}
 * @param priority   lower is more urgent; moderators' tools order by it
 * @param minScore   the queue takes assessments scoring at least this
 * @param categories if not empty, only assessments with one of these categories
 */
public record QueueRule(String name, int priority, double minScore, List<ContentCategory> categories) implements Validatable {

    public QueueRule {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean accepts(double score, Set<ContentCategory> assessed) {
        return score >= minScore && (categories.isEmpty() || categories.stream().anyMatch(assessed::contains));
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().notBlank(name, "name").between(minScore, 0, 1, "min-score")
                .require(priority >= 0, "priority", "must not be negative");
        if (name != null) {
            try {
                Topics.queue(name);
            } catch (IllegalArgumentException e) {
                checks.require(false, "name", e.getMessage());
            }
        }
        return checks.problems();
    }
}
