package io.vigil.runtime.health;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores being restored from their changelogs: while any is, the instance is alive but not ready, because its tasks
 * do not process until their state is back. Called by Streams' restoring threads; read by the health check.
 */
final class RestoreTracker implements StateRestoreListener {

    private final Map<String, Long> remaining = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        remaining.put(key(partition, storeName), Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        remaining.computeIfPresent(key(partition, storeName), (k, left) -> Math.max(0, left - numRestored));
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        remaining.remove(key(partition, storeName));
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        remaining.remove(key(partition, storeName));
    }

    int active() {
        return remaining.size();
    }

    long recordsRemaining() {
        return remaining.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String key(TopicPartition partition, String storeName) {
        return storeName + "@" + partition;
    }
}
