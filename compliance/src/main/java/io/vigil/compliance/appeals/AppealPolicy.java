package io.vigil.compliance.appeals;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.topics.Topics;

import java.util.List;

/**
 * Where appeals wait for a moderator and what the user is told with the outcome.
 *
 * @param queue    the moderator queue appeals go to (a queue.&lt;name&gt; topic the sink records like its own)
 * @param priority its priority among the queues (lower is sooner)
 * @param redress  what the user can still do after the appeal's outcome (DSA Art. 21 out-of-court settlement, court)
 */
public record AppealPolicy(String queue, int priority, String redress) implements Validatable {

    @Override
    public List<String> problems() {
        Checks checks = new Checks().notBlank(redress, "redress").require(priority >= 0, "priority", "must not be negative");
        try {
            Topics.queue(queue);
        } catch (IllegalArgumentException | NullPointerException e) {
            checks.require(false, "queue", "must be a queue name (lower-case letters, digits, -)");
        }
        return checks.problems();
    }
}
