package io.vigil.sink.steps;

import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.time.Clock;
import java.time.Duration;

/**
 * A wall-clock punctuation that fires on the multiples of its interval (counted from the epoch), not at an interval
 * after each task happened to start. Why: every wall-clock punctuation that fires makes Kafka Streams commit, and
 * under exactly-once that is a transaction (offsets, a marker per partition, the transaction log) even when the
 * punctuation changed nothing. A periodic schedule keeps the phase of its task's start, so the six tasks of an idle
 * sink fired at six moments of every interval and cost six transactions; aligned, the tasks of a stream thread fire in
 * the same loop and commit together.
 */
final class AlignedHousekeeping {

    private final ProcessorContext<?, ?> context;
    private final long intervalMillis;
    private final Clock clock;
    private final Runnable work;
    private Cancellable scheduled;

    private AlignedHousekeeping(ProcessorContext<?, ?> context, Duration interval, Clock clock, Runnable work) {
        this.context = context;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.work = work;
    }

    /** Runs {@code work} at every multiple of {@code interval}, from the next one on. */
    static void schedule(ProcessorContext<?, ?> context, Duration interval, Clock clock, Runnable work) {
        new AlignedHousekeeping(context, interval, clock, work).scheduleNext();
    }

    /** The first multiple of the interval after {@code nowMillis}. */
    static long nextBoundary(long nowMillis, long intervalMillis) {
        return Math.floorDiv(nowMillis, intervalMillis) * intervalMillis + intervalMillis;
    }

    private void scheduleNext() {
        long now = clock.millis();
        scheduled = context.schedule(Duration.ofMillis(nextBoundary(now, intervalMillis) - now), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> fire());
    }

    private void fire() {
        try {
            work.run();
        } finally {
            // Also after a failure the processing handler let pass: the housekeeping must go on.
            scheduled.cancel();
            scheduleNext();
        }
    }
}
