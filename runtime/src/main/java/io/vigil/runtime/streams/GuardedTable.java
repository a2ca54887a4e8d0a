package io.vigil.runtime.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.ValueMapperWithKey;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A table of an input topic that holds only records a step accepted. {@code builder.table(topic)} (with the source
 * topic as its changelog) would restore after a restart straight from the input's raw bytes: the deserialization
 * handler never sees them, so one corrupt record that was dead-lettered the first time would sit in the store and
 * fail every later lookup of its key. Here the input is read as a stream, through the deserialization handler and the
 * validation step (a refused record becomes a dead letter and leaves the table as it was), and the table keeps its own
 * changelog of accepted values, from which it is restored.
 */
public final class GuardedTable {

    private GuardedTable() {
    }

    /**
     * @param name       prefix of the processor names, e.g. {@code group-metadata}
     * @param validation returns the value to keep, or throws {@link io.vigil.runtime.errors.RejectedRecordException};
     *                   must pass tombstones (null), which remove the key
     */
    public static <V> KTable<String, V> of(StreamsBuilder builder, String topic, Serde<V> serde,
                                           ValueMapperWithKey<String, V, V> validation, String storeName, String name) {
        return builder.stream(topic, Consumed.with(Serdes.String(), serde).withName(name + "-source"))
                .mapValues(validation, Named.as("validate-" + name))
                .toTable(Named.as(name + "-table"), Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(storeName)
                        .withKeySerde(Serdes.String()).withValueSerde(serde));
    }
}
