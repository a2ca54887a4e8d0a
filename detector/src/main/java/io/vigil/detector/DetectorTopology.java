package io.vigil.detector;

import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.analysis.MessageInGroup;
import io.vigil.detector.steps.BankEntryValidation;
import io.vigil.detector.steps.BankIndexUpdate;
import io.vigil.detector.steps.ImageSenderMemory;
import io.vigil.detector.steps.SenderTextMemory;
import io.vigil.runtime.streams.GuardedTable;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The detector in two stages, two Kafka Streams applications with threads of their own, so that image work never
 * holds text behind it (docs/operations.md explains the choice):
 * <ul>
 *   <li><b>text</b>: hash-bank -> validate -> hash-bank-accepted; group-metadata -> validate -> group table;
 *   message-events -> validate -> join group -> remember images -> scan text knowing the sender's previous message
 *   (for a message with media, only its caption's cues are kept here) -> messages without media: detections;
 *   messages with media -> media-work.</li>
 *   <li><b>media</b>: hash-bank-accepted -> (every instance) bank index; media-work -> (the media threads yield the CPU to text) -> fetch media -> hash exactly ->
 *   decode, hash perceptually, classify and read the text of images (OCR) -> match banks -> scan the caption and the
 *   images' text -> detections.</li>
 * </ul>
 * Both stages run exactly-once: media-work is written in the text stage's transaction and read committed. Every
 * message and every bank record yields exactly one Detection or one dead letter.
 */
public final class DetectorTopology {

    public static final String GROUP_STORE = "detector-group-metadata";

    private final DetectorSteps steps;

    public DetectorTopology(DetectorSteps steps) {
        this.steps = steps;
    }

    public Topology text() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<HashBankEntry> bankSerde = AvroSerde.of(HashBankEntry.class);

        builder.stream(Topics.HASH_BANK.name(), Consumed.with(Serdes.String(), bankSerde).withName("hash-bank-source"))
                .mapValues(new BankEntryValidation()::check, Named.as("validate-bank-entry"))
                .to(Topics.HASH_BANK_ACCEPTED.name(), Produced.with(Serdes.String(), bankSerde).withName("hash-bank-accepted-sink"));

        KTable<String, GroupMetadata> groups = GuardedTable.of(builder, Topics.GROUP_METADATA.name(),
                AvroSerde.of(GroupMetadata.class), steps.groupValidation()::check, GROUP_STORE, "group-metadata");

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ImageSenderMemory.STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SenderTextMemory.STORE), Serdes.String(), Serdes.Long()));

        KStream<String, MessageAnalysis> messages = builder.stream(Topics.MESSAGE_EVENTS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(MessageEvent.class)).withName("message-events-source"))
                .peek((chat, event) -> steps.metrics().messageIn(), Named.as("count-message"))
                .mapValues(steps.validation()::check, Named.as("validate-message"))
                .leftJoin(groups, MessageInGroup::join,
                        Joined.<String, MessageEvent, GroupMetadata>with(Serdes.String(), null, null).withName("join-group"))
                .processValues(() -> new ImageSenderMemory(steps.imageWindow()), Named.as("remember-images"), ImageSenderMemory.STORE)
                .processValues(() -> new SenderTextMemory(steps.textScanning(), steps.imageWindow()), Named.as("scan-text"),
                        SenderTextMemory.STORE);

        messages.split(Named.as("route-"))
                .branch((chat, message) -> !message.event().getMedia().isEmpty(), Branched.withConsumer(withMedia -> withMedia
                        .mapValues(MessageInGroup::toMediaWork, Named.as("hand-to-media-stage"))
                        .to(Topics.MEDIA_WORK.name(), Produced.with(Serdes.String(), AvroSerde.of(MediaWork.class))
                                .withName("media-work-sink")), "with-media"))
                .defaultBranch(Branched.withConsumer(textOnly -> detections(textOnly, "text"), "text-only"));
        return builder.build();
    }

    public Topology media() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<HashBankEntry> bankSerde = AvroSerde.of(HashBankEntry.class);

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BankIndexUpdate.STORE), Serdes.String(), bankSerde)
                        .withLoggingDisabled(),
                Topics.HASH_BANK_ACCEPTED.name(),
                Consumed.with(Serdes.String(), bankSerde).withName("hash-bank-accepted-source"),
                () -> new BankIndexUpdate(steps.banks(), steps.metrics()));

        detections(builder.stream(Topics.MEDIA_WORK.name(), Consumed.with(Serdes.String(), AvroSerde.of(MediaWork.class))
                        .withName("media-work-source"))
                .processValues(steps.mediaPriority()::<MediaWork>processor, Named.as("yield-cpu-to-text"))
                .mapValues(MessageInGroup::of, Named.as("take-media-work"))
                .mapValues(steps.fetching()::fetch, Named.as("fetch-media"))
                .mapValues(steps.hashing()::hash, Named.as("hash-media"))
                .mapValues(steps.imageAnalysis()::analyse, Named.as("analyse-images"))
                .mapValues(steps.bankMatching()::match, Named.as("match-banks"))
                .mapValues(steps.textScanning()::scan, Named.as("scan-text-media")), "media");
        return builder.build();
    }

    /** The steps every scanned message ends with, in either stage: assemble, encode within bounds, write. */
    private void detections(KStream<String, MessageAnalysis> scanned, String stage) {
        scanned.mapValues(steps.assembly()::assemble, Named.as("assemble-detection-" + stage))
                .mapValues(steps.encoding()::encode, Named.as("encode-detection-" + stage))
                .to(Topics.DETECTIONS.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("detections-sink-" + stage));
    }
}
