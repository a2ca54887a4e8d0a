package io.vigil.detector;

import io.vigil.detector.analysis.MessageInGroup;
import io.vigil.detector.steps.BankEntryValidation;
import io.vigil.detector.steps.BankIndexUpdate;
import io.vigil.detector.steps.ImageSenderMemory;
import io.vigil.detector.steps.SenderTextMemory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.Properties;

/**
 * hash-bank -> validate -> hash-bank-accepted -> (every instance) bank index; group-metadata -> table; then
 * message-events -> validate -> join group -> fetch media -> hash exactly -> decode, hash perceptually and classify
 * images -> match banks -> remember images -> scan text (knowing the sender's previous message) -> detections. Every message and every bank record yields exactly one output or one dead letter.
 */
public final class DetectorTopology {

    public static final String GROUP_STORE = "detector-group-metadata";

    private final DetectorSteps steps;

    public DetectorTopology(DetectorSteps steps) {
        this.steps = steps;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<HashBankEntry> bankSerde = AvroSerde.of(HashBankEntry.class);
        AvroSerde<GroupMetadata> groupSerde = AvroSerde.of(GroupMetadata.class);

        builder.stream(Topics.HASH_BANK.name(), Consumed.with(Serdes.String(), bankSerde).withName("hash-bank-source"))
                .mapValues(new BankEntryValidation()::check, Named.as("validate-bank-entry"))
                .to(Topics.HASH_BANK_ACCEPTED.name(), Produced.with(Serdes.String(), bankSerde).withName("hash-bank-accepted-sink"));

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BankIndexUpdate.STORE), Serdes.String(), bankSerde)
                        .withLoggingDisabled(),
                Topics.HASH_BANK_ACCEPTED.name(),
                Consumed.with(Serdes.String(), bankSerde).withName("hash-bank-accepted-source"),
                () -> new BankIndexUpdate(steps.banks(), steps.metrics()));

        KTable<String, GroupMetadata> groups = builder.table(Topics.GROUP_METADATA.name(),
                Consumed.with(Serdes.String(), groupSerde).withName("group-metadata-source"),
                Materialized.<String, GroupMetadata, KeyValueStore<Bytes, byte[]>>as(GROUP_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(groupSerde));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ImageSenderMemory.STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SenderTextMemory.STORE), Serdes.String(), Serdes.Long()));

        builder.stream(Topics.MESSAGE_EVENTS.name(), Consumed.with(Serdes.String(), AvroSerde.of(MessageEvent.class))
                        .withName("message-events-source"))
                .peek((chat, event) -> steps.metrics().messageIn(), Named.as("count-message"))
                .mapValues(steps.validation()::check, Named.as("validate-message"))
                .leftJoin(groups, MessageInGroup::join,
                        Joined.<String, MessageEvent, GroupMetadata>with(Serdes.String(), null, groupSerde).withName("join-group"))
                .mapValues(steps.fetching()::fetch, Named.as("fetch-media"))
                .mapValues(steps.hashing()::hash, Named.as("hash-media"))
                .mapValues(steps.imageAnalysis()::analyse, Named.as("analyse-images"))
                .mapValues(steps.bankMatching()::match, Named.as("match-banks"))
                .processValues(() -> new ImageSenderMemory(steps.imageWindow()), Named.as("remember-images"), ImageSenderMemory.STORE)
                .processValues(() -> new SenderTextMemory(steps.textScanning(), steps.imageWindow()), Named.as("scan-text"),
                        SenderTextMemory.STORE)
                .mapValues(steps.assembly()::assemble, Named.as("assemble-detection"))
                .to(Topics.DETECTIONS.name(), Produced.with(Serdes.String(), AvroSerde.of(Detection.class))
                        .withName("detections-sink"));

        // The group table is restored from its compacted source topic rather than from a changelog copy of it.
        Properties optimization = new Properties();
        optimization.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        return builder.build(optimization);
    }
}
