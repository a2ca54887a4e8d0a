package io.vigil.sink.steps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.QueueEntry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink's materialized queue state: the store of every queue item and decision by item id, and the open-item
 * gauges. Each Streams task owns a slice of the store and reports its own open counts; the gauges add them up.
 */
public final class QueueState {

    public static final String STORE = "queue-state";

    private final Map<String, Map<String, Long>> openByTask = new ConcurrentHashMap<>();

    public QueueState(MeterRegistry registry, Collection<String> queues) {
        for (String queue : queues) {
            Gauge.builder("vigil.queue.open", this, state -> state.open(queue))
                    .tag("queue", queue)
                    .description("Queue items no moderator has decided yet")
                    .register(registry);
        }
    }

    public static boolean isOpen(QueueEntry entry) {
        return entry.getItem() != null && entry.getDecision() == null;
    }

    void report(String task, Map<String, Long> openByQueue) {
        openByTask.put(task, Map.copyOf(openByQueue));
    }

    double open(String queue) {
        return openByTask.values().stream().mapToLong(counts -> counts.getOrDefault(queue, 0L)).sum();
    }

    static Map<String, Long> count(Iterable<QueueEntry> entries) {
        Map<String, Long> open = new HashMap<>();
        for (QueueEntry entry : entries) {
            if (isOpen(entry)) {
                open.merge(entry.getItem().getQueue(), 1L, Long::sum);
            }
        }
        return open;
    }
}
