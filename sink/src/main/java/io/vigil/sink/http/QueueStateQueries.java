package io.vigil.sink.http;

import io.vigil.schemas.QueueEntry;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads this instance's part of the queue state (the partitions its Streams tasks own). */
public final class QueueStateQueries {

    private final KafkaStreams streams;

    public QueueStateQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<QueueEntry> get(String itemId) {
        return store().map(s -> s.get(itemId));
    }

    public List<QueueEntry> all() {
        List<QueueEntry> entries = new ArrayList<>();
        store().ifPresent(s -> {
            try (KeyValueIterator<String, QueueEntry> it = s.all()) {
                it.forEachRemaining(kv -> entries.add(kv.value));
            }
        });
        return entries;
    }

    private Optional<ReadOnlyKeyValueStore<String, QueueEntry>> store() {
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(QueueState.STORE,
                    QueryableStoreTypes.<String, QueueEntry>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            // Not queryable while the instance starts or rebalances; callers answer with what they have.
            return Optional.empty();
        }
    }
}
