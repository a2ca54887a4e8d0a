package io.vigil.sink.routing;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.ContentCategory;

import java.util.List;
import java.util.Map;

/**
 * Which queue a notice goes to when no open item is about its message: the queue of the category the notifier named,
 * else the default queue.
 *
 * @param queues per content category (CSAM, NCII, DOXXING, ...), a routed queue
 */
public record NoticeRouting(Map<String, String> queues, String defaultQueue) implements Validatable {

    public NoticeRouting {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
    }

    public String queue(ContentCategory category) {
        return category == null ? defaultQueue : queues.getOrDefault(category.name(), defaultQueue);
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().notBlank(defaultQueue, "default-queue");
        for (String category : queues.keySet()) {
            boolean known = false;
            for (ContentCategory value : ContentCategory.values()) {
                known |= value.name().equals(category);
            }
            checks.require(known, "queues." + category, "is not a content category " + List.of(ContentCategory.values()));
        }
        return checks.problems();
    }
}
