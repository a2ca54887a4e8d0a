package io.vigil.sink.steps;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlignedHousekeepingTest {

    @Test
    void tasksStartedAtDifferentMomentsOfAnIntervalFireAtTheSameBoundary() {
        assertThat(AlignedHousekeeping.nextBoundary(10_001, 5_000)).isEqualTo(15_000);
        assertThat(AlignedHousekeeping.nextBoundary(14_999, 5_000)).isEqualTo(15_000);
    }

    @Test
    void aTaskStartedOnABoundaryWaitsAWholeInterval() {
        assertThat(AlignedHousekeeping.nextBoundary(15_000, 5_000)).isEqualTo(20_000);
    }
}
