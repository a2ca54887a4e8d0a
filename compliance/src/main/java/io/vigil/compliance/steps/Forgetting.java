package io.vigil.compliance.steps;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Forgets, now and then, what a store no longer needs to remember: entries older than the configured time. */
final class Forgetting {

    static final Duration INTERVAL = Duration.ofMinutes(10);

    private Forgetting() {
    }

    static <V> void schedule(ProcessorContext<?, ?> context, KeyValueStore<String, V> store, Function<V, Instant> time,
                             Duration keep, Clock clock) {
        context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> forget(store, time, clock.instant().minus(keep)));
    }

    static <V> void forget(KeyValueStore<String, V> store, Function<V, Instant> time, Instant before) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (time.apply(entry.value).isBefore(before)) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(store::delete);
    }
}
