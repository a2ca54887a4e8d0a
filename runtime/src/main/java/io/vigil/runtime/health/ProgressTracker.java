package io.vigil.runtime.health;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds partitions that make no progress while records wait in them: the committed position of the application's
 * consumer group has not moved for the stall timeout although the partition's end (read-committed) is past it. A
 * poison record that kills its thread every time, a thread blocked on a missing topic, a task that never finishes
 * restoring: all of them look like this from the outside, whatever the cause. Not thread-safe (one sampler).
 */
final class ProgressTracker {

    private final Duration stallTimeout;
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private final Map<TopicPartition, Instant> lastProgress = new HashMap<>();
    private Set<String> stalled = Set.of();

    ProgressTracker(Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
    }

    /**
     * @param committed the group's committed offsets (absent: nothing committed yet)
     * @param ends      the read-committed end offsets of the partitions assigned to this instance
     */
    void observe(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends, Instant now) {
        lastCommitted.keySet().retainAll(ends.keySet());
        lastProgress.keySet().retainAll(ends.keySet());
        Set<String> nowStalled = new TreeSet<>();
        ends.forEach((partition, end) -> {
            long position = committed.getOrDefault(partition, -1L);
            Long before = lastCommitted.put(partition, position);
            if (before == null || before != position || end <= Math.max(position, 0)) {
                lastProgress.put(partition, now);
            } else if (!lastProgress.get(partition).plus(stallTimeout).isAfter(now)) {
                nowStalled.add(partition.topic() + "-" + partition.partition() + " (" + (end - Math.max(position, 0))
                        + " records waiting, no progress for " + Duration.between(lastProgress.get(partition), now).toSeconds() + " s)");
            }
        });
        stalled = Set.copyOf(nowStalled);
    }

    Set<String> stalled() {
        return stalled;
    }
}
