package io.vigil.sink.routing;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.ContentCategory;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which queue an assessment goes to: the first rule, in the configured order, that accepts it. Order the most
 * specific and most urgent rules first. An assessment no rule accepts is below every threshold and is not queued.
 */
public record RoutingPolicy(List<QueueRule> queues) implements Validatable {

    public Optional<QueueRule> route(double score, Set<ContentCategory> categories) {
        return queues.stream().filter(rule -> rule.accepts(score, categories)).findFirst();
    }

    public List<String> queueNames() {
        return queues.stream().map(QueueRule::name).distinct().toList();
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().require(queues != null && !queues.isEmpty(), "queues", "needs at least one queue");
        if (queues != null) {
            checks.nestedAll(queues, "queues");
            Set<String> seen = new HashSet<>();
            for (QueueRule rule : queues) {
                checks.require(rule.name() == null || seen.add(rule.name()), "queues", "queue '" + rule.name() + "' is listed twice");
            }
        }
        return checks.problems();
    }
}
