package io.vigil.sink.steps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.QueueEntry;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.SlaClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink's materialized queue state: the store of every queue item, claim and decision by item id, the store of
 * command outcomes, and the queue gauges. Each Streams task owns a slice of the store and reports the ages of its
 * open items; the gauges combine the reports (open count and age percentiles per queue).
 */
public final class QueueState {

    public static final String STORE = "queue-state";
    public static final String OUTCOMES = "command-outcomes";
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 1.0};

    private final Map<String, Map<String, long[]>> agesByTask = new ConcurrentHashMap<>();

    public QueueState(MeterRegistry registry, Collection<String> queues) {
        for (String queue : queues) {
            Gauge.builder("vigil.queue.open", this, state -> state.open(queue))
                    .tag("queue", queue)
                    .description("Queue items no moderator has decided yet")
                    .register(registry);
            for (double quantile : QUANTILES) {
                Gauge.builder("vigil.queue.age.seconds", this, state -> state.age(queue, quantile))
                        .tag("queue", queue).tag("quantile", Double.toString(quantile))
                        .description("Age of the open items of a queue since they were enqueued (1.0: the oldest)")
                        .register(registry);
            }
        }
    }

    public static boolean isOpen(QueueEntry entry) {
        return SlaClock.isOpen(entry);
    }

    void report(String task, Map<String, long[]> openAgesByQueue) {
        agesByTask.put(task, Map.copyOf(openAgesByQueue));
    }

    double open(String queue) {
        return agesByTask.values().stream().mapToLong(ages -> ages.getOrDefault(queue, new long[0]).length).sum();
    }

    double age(String queue, double quantile) {
        long[] all = agesByTask.values().stream().map(ages -> ages.getOrDefault(queue, new long[0]))
                .flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * all.length) - 1;
        return all[Math.max(0, Math.min(all.length - 1, index))];
    }

    /** Seconds since enqueueing of each open item, by its current queue. */
    static Map<String, long[]> openAges(Iterable<QueueEntry> entries, Instant now) {
        Map<String, List<Long>> ages = new HashMap<>();
        for (QueueEntry entry : entries) {
            if (isOpen(entry)) {
                ages.computeIfAbsent(CommandDecider.currentQueue(entry), q -> new ArrayList<>())
                        .add(Math.max(0, Duration.between(entry.getItem().getEnqueuedAt(), now).toSeconds()));
            }
        }
        Map<String, long[]> result = new HashMap<>();
        ages.forEach((queue, list) -> result.put(queue, list.stream().mapToLong(Long::longValue).toArray()));
        return result;
    }
}
