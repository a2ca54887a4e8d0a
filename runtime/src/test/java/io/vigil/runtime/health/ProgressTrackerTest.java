package io.vigil.runtime.health;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("message-events", 0);
    private static final TopicPartition P1 = new TopicPartition("message-events", 1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ProgressTracker tracker = new ProgressTracker(Duration.ofSeconds(60));

    @Test
    void aPartitionWithWaitingRecordsAndNoCommittedProgressForTheTimeoutIsStalled() {
        tracker.observe(Map.of(P0, 100L, P1, 50L), Map.of(P0, 400L, P1, 50L), T0);
        tracker.observe(Map.of(P0, 100L, P1, 50L), Map.of(P0, 450L, P1, 50L), T0.plusSeconds(59));
        assertThat(tracker.stalled()).isEmpty();

        tracker.observe(Map.of(P0, 100L, P1, 50L), Map.of(P0, 500L, P1, 50L), T0.plusSeconds(61));

        assertThat(tracker.stalled()).containsExactly("message-events-0 (400 records waiting, no progress for 61 s)");
    }

    @Test
    void aPartitionThatMovesOrHasNothingWaitingIsNeverStalled() {
        for (int s = 0; s <= 300; s += 30) {
            tracker.observe(Map.of(P0, 100L + s, P1, 50L), Map.of(P0, 10_000L, P1, 50L), T0.plusSeconds(s));
        }

        assertThat(tracker.stalled()).isEmpty();
    }

    @Test
    void progressAfterAStallClearsIt() {
        tracker.observe(Map.of(P0, 100L), Map.of(P0, 400L), T0);
        tracker.observe(Map.of(P0, 100L), Map.of(P0, 400L), T0.plusSeconds(90));
        assertThat(tracker.stalled()).hasSize(1);

        tracker.observe(Map.of(P0, 101L), Map.of(P0, 400L), T0.plusSeconds(95));

        assertThat(tracker.stalled()).isEmpty();
    }

    @Test
    void aPartitionThatNothingWasEverCommittedForStallsLikeAnyOther() {
        tracker.observe(Map.of(), Map.of(P0, 3L), T0);
        tracker.observe(Map.of(), Map.of(P0, 3L), T0.plusSeconds(60));

        assertThat(tracker.stalled()).containsExactly("message-events-0 (3 records waiting, no progress for 60 s)");
    }

    @Test
    void aPartitionNoLongerAssignedIsForgotten() {
        tracker.observe(Map.of(P0, 1L), Map.of(P0, 9L), T0);
        tracker.observe(Map.of(P0, 1L), Map.of(P0, 9L), T0.plusSeconds(61));
        assertThat(tracker.stalled()).hasSize(1);

        tracker.observe(Map.of(), Map.of(P1, 5L), T0.plusSeconds(62));

        assertThat(tracker.stalled()).isEmpty();
    }
}
