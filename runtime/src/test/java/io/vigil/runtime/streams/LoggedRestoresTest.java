package io.vigil.runtime.streams;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoggedRestoresTest {

    private static final TopicPartition CHANGELOG = new TopicPartition("vigil-sink-queue-state-changelog", 2);

    @Test
    void everyRestoreEventReachesTheHealthChecksListenerInOrder() {
        List<String> seen = new ArrayList<>();
        StateRestoreListener health = new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
                seen.add("start " + store + " " + partition + " " + start + ".." + end);
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
                seen.add("batch " + restored);
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long total) {
                seen.add("end " + total);
            }

            @Override
            public void onRestoreSuspended(TopicPartition partition, String store, long total) {
                seen.add("suspended " + total);
            }
        };
        LoggedRestores restores = new LoggedRestores("sink main", health, () -> 1234L);

        restores.onRestoreStart(CHANGELOG, "queue-state", 10, 510);
        restores.onBatchRestored(CHANGELOG, "queue-state", 300, 290);
        restores.onRestoreEnd(CHANGELOG, "queue-state", 500);
        restores.onRestoreSuspended(CHANGELOG, "queue-state", 0);

        assertThat(seen).containsExactly("start queue-state vigil-sink-queue-state-changelog-2 10..510", "batch 290",
                "end 500", "suspended 0");
    }
}
