package io.vigil.detector;

import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.steps.BankEntryValidation;
import io.vigil.detector.steps.BankIndexUpdate;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * hash-bank -> validate -> hash-bank-accepted -> (every instance) bank index, then
 * message-events -> validate -> fetch media -> hash -> match banks -> detections.
 * Every message and every bank record yields exactly one output or one dead letter.
 */
public final class DetectorTopology {

    private final MessageValidation validation;
    private final MediaFetching fetching;
    private final MediaHashing hashing;
    private final BankMatching bankMatching;
    private final DetectionAssembly assembly;
    private final BankIndex banks;
    private final DetectorMetrics metrics;

    public DetectorTopology(MessageValidation validation, MediaFetching fetching, MediaHashing hashing,
                            BankMatching bankMatching, DetectionAssembly assembly, BankIndex banks, DetectorMetrics metrics) {
        this.validation = validation;
        this.fetching = fetching;
        this.hashing = hashing;
        this.bankMatching = bankMatching;
        this.assembly = assembly;
        this.banks = banks;
        this.metrics = metrics;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<HashBankEntry> bankSerde = AvroSerde.of(HashBankEntry.class);

        builder.stream(Topics.HASH_BANK.name(), Consumed.with(Serdes.String(), bankSerde).withName("hash-bank-source"))
                .mapValues(new BankEntryValidation()::check, Named.as("validate-bank-entry"))
                .to(Topics.HASH_BANK_ACCEPTED.name(), Produced.with(Serdes.String(), bankSerde).withName("hash-bank-accepted-sink"));

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BankIndexUpdate.STORE), Serdes.String(), bankSerde)
                        .withLoggingDisabled(),
                Topics.HASH_BANK_ACCEPTED.name(),
                Consumed.with(Serdes.String(), bankSerde).withName("hash-bank-accepted-source"),
                () -> new BankIndexUpdate(banks, metrics));

        builder.stream(Topics.MESSAGE_EVENTS.name(), Consumed.with(Serdes.String(), AvroSerde.of(MessageEvent.class))
                        .withName("message-events-source"))
                .peek((chat, event) -> metrics.messageIn(), Named.as("count-message"))
                .mapValues(validation::check, Named.as("validate-message"))
                .mapValues(fetching::fetch, Named.as("fetch-media"))
                .mapValues(hashing::hash, Named.as("hash-media"))
                .mapValues(bankMatching::match, Named.as("match-banks"))
                .mapValues(assembly::assemble, Named.as("assemble-detection"))
                .to(Topics.DETECTIONS.name(), Produced.with(Serdes.String(), AvroSerde.<Detection>of(Detection.class))
                        .withName("detections-sink"));

        return builder.build();
    }
}
