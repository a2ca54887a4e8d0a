package io.vigil.runtime.streams;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Logs each store partition's restore from its changelog (records, milliseconds, the JVM's age at its end) and passes
 * every event on to the health check's listener: after a crash under exactly-once, a store without a checkpoint is
 * wiped and restored in full, and this is how long that takes.
 */
final class LoggedRestores implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedRestores.class);

    private final String stage;
    private final StateRestoreListener next;
    private final LongSupplier jvmUpMillis;
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

    LoggedRestores(String stage, StateRestoreListener next, LongSupplier jvmUpMillis) {
        this.stage = stage;
        this.next = next;
        this.jvmUpMillis = jvmUpMillis;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        startedAt.put(storeName + "@" + partition, System.currentTimeMillis());
        LOG.info("{} restore of {} {} started: {} records (JVM up {} ms)", stage, storeName, partition,
                Math.max(0, endingOffset - startingOffset), jvmUpMillis.getAsLong());
        next.onRestoreStart(partition, storeName, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        next.onBatchRestored(partition, storeName, batchEndOffset, numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        LOG.info("{} restore of {} {} done: {} records in {} ms (JVM up {} ms)", stage, storeName, partition, totalRestored,
                elapsed(partition, storeName), jvmUpMillis.getAsLong());
        next.onRestoreEnd(partition, storeName, totalRestored);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        LOG.info("{} restore of {} {} suspended after {} records, {} ms", stage, storeName, partition, totalRestored,
                elapsed(partition, storeName));
        next.onRestoreSuspended(partition, storeName, totalRestored);
    }

    private long elapsed(TopicPartition partition, String storeName) {
        Long started = startedAt.remove(storeName + "@" + partition);
        return started == null ? -1 : System.currentTimeMillis() - started;
    }
}
