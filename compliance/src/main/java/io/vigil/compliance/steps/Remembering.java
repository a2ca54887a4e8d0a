package io.vigil.compliance.steps;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Keeps each record in a store by its own id until a later step may need it (a queue item until its decision names
 * its media, group and spread; a notice until the decision answering it names its source), then forgets it.
 */
public final class Remembering<V> implements Processor<String, V, Void, Void> {

    private final String store;
    private final Function<V, String> id;
    private final Function<V, Instant> time;
    private final Duration keep;
    private final Clock clock;
    private KeyValueStore<String, V> remembered;

    /**
     * @param id   the key a later step looks the record up by
     * @param time when the record happened; it is forgotten {@code keep} after that
     */
    public Remembering(String store, Function<V, String> id, Function<V, Instant> time, Duration keep, Clock clock) {
        this.store = store;
        this.id = id;
        this.time = time;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        remembered = context.getStateStore(store);
        Forgetting.schedule(context, remembered, time, keep, clock);
    }

    @Override
    public void process(Record<String, V> record) {
        remembered.put(id.apply(record.value()), record.value());
    }
}
