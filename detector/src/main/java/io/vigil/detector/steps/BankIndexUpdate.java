package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.banks.BankEntry;
import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.banks.BankKeys;
import io.vigil.schemas.HashBankEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the in-memory bank index equal to the accepted hash-bank entries while the detector runs: every instance
 * reads the whole topic on Streams' global thread, so an update reaches all of them without a restart. The store makes a
 * restart fast (the index is reloaded from local state rather than the topic).
 */
public final class BankIndexUpdate implements Processor<String, HashBankEntry, Void, Void> {

    public static final String STORE = "hash-bank-store";

    private final BankIndex index;
    private final DetectorMetrics metrics;
    private KeyValueStore<String, HashBankEntry> store;

    public BankIndexUpdate(BankIndex index, DetectorMetrics metrics) {
        this.index = index;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
        index.loadOnce(sink -> {
            try (KeyValueIterator<String, HashBankEntry> stored = store.all()) {
                stored.forEachRemaining(kv -> sink.accept(BankEntry.of(kv.value)));
            }
        });
    }

    @Override
    public void process(Record<String, HashBankEntry> record) {
        String key = record.key();
        if (key == null) {
            metrics.bankUpdate("refused");
            return;
        }
        HashBankEntry entry = record.value();
        if (entry == null) {
            store.delete(key);
            index.remove(key);
            metrics.bankUpdate("removed");
        } else if (BankKeys.problems(key, entry).isEmpty()) {
            store.put(key, entry);
            index.upsert(BankEntry.of(entry));
            metrics.bankUpdate("loaded");
        } else {
            // Unreachable through BankEntryValidation; counted rather than thrown because the global thread must not die.
            metrics.bankUpdate("refused");
        }
    }
}
