package io.vigil.standalone.backtest;

import io.vigil.ingest.kafka.ExistingEvents;
import io.vigil.ingest.kafka.ReplayWriter;
import io.vigil.ingest.kafka.TopicSnapshot;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.Pacer;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.Pipeline;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * One backtest on a running pipeline (the embedded broker and the three services, exactly as {@code vigil demo} runs
 * them): the exports' metadata first, waited for until the services' tables have it, then every event as fast as
 * the cluster takes it, then a wait, bounded, until every replayed message has its RiskAssessment (or a dead letter)
 * and the sink has routed them all, then the queues and the enricher's lineage records read back. Progress means results arriving: a pipeline that makes
 * none for the stall timeout fails the backtest with what is missing.
 */
final class Backtest {

    /** The pipeline made no headway in time: the message says how far it got. */
    static final class StalledException extends Exception {
        StalledException(String message) {
            super(message);
        }
    }

    private static final Duration POLL = Duration.ofMillis(250);

    private final Pipeline pipeline;
    private final String bootstrapServers;
    private final Duration stallTimeout;
    private final PrintWriter err;
    private final LongSupplier clock;

    Backtest(Pipeline pipeline, String bootstrapServers, Duration stallTimeout, PrintWriter err) {
        this.pipeline = pipeline;
        this.bootstrapServers = bootstrapServers;
        this.stallTimeout = stallTimeout;
        this.err = err;
        this.clock = System::nanoTime;
    }

    BacktestResults run(ExportReplay replay, java.time.Instant now) throws StalledException, InterruptedException {
        awaitRunning();
        awaitBanksLoaded();
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, Integer> expected = new HashMap<>();
        try (ReplayWriter writer = new ReplayWriter(client, Duration.ofSeconds(30), "vigil-backtest")) {
            ExistingEvents fresh = ExistingEvents.none();
            List<GroupMetadata> metadata = replay.groupMetadata(now);
            writer.writeMetadata(metadata, fresh);
            awaitConsumed(Topics.GROUP_METADATA.name(), List.of(pipeline.applicationId("detector"), pipeline.applicationId("enricher")),
                    "the detector's and enricher's group tables");
            Iterator<ReplayEvent> events = replay.events();
            writer.writeEvents(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return events.hasNext();
                }

                @Override
                public ReplayEvent next() {
                    ReplayEvent event = events.next();
                    if (event.isMessage()) {
                        expected.merge(BacktestResults.key(event.chatId(), event.message().getMessageId()), 1, Integer::sum);
                    }
                    return event;
                }
            }, fresh, Pacer.asFastAsPossible(), e -> e, (done, written, already) -> { });
        }
        err.printf("replayed %,d message event(s) of %,d message(s); waiting for their assessments%n",
                expected.values().stream().mapToInt(Integer::intValue).sum(), expected.size());
        BacktestResults results = new BacktestResults();
        Map<TopicPartition, Long> lastAssessment = new AssessmentWaiter(bootstrapServers, stallTimeout, err, clock).await(expected, results);
        awaitSinkRouted(lastAssessment);
        readQueues(results);
        // Lineage is found when a chat's profile reaches the network task, not with a message: read it once the enricher
        // has taken every group event and every request to its network memory.
        String enricher = pipeline.applicationId("enricher");
        awaitConsumed(Topics.GROUP_EVENTS.name(), List.of(enricher), "the enricher's chat profiles");
        awaitConsumed(Topics.NETWORK_REQUESTS.name(), List.of(enricher), "the enricher's network memory");
        readLineage(results);
        return results;
    }

    private void awaitRunning() throws StalledException, InterruptedException {
        long deadline = clock.getAsLong() + stallTimeout.toNanos();
        while (Stream.of(pipeline.detector(), pipeline.enricher(), pipeline.sink()).anyMatch(s -> s.streams().state() != KafkaStreams.State.RUNNING)) {
            if (clock.getAsLong() > deadline) {
                throw new StalledException("the services did not reach RUNNING within " + stallTimeout.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until the detector has validated every bank entry imported before the backtest and loaded every accepted
     * one into its index (each load counts in vigil_bank_updates_total), so that the first message meets the banks.
     */
    private void awaitBanksLoaded() throws StalledException, InterruptedException {
        if (endOffsets(Topics.HASH_BANK.name()).values().stream().allMatch(end -> end == 0)) {
            return;
        }
        awaitConsumed(Topics.HASH_BANK.name(), List.of(pipeline.applicationId("detector")), "the detector's bank validation");
        long accepted = countRecords(Topics.HASH_BANK_ACCEPTED.name());
        long deadline = clock.getAsLong() + stallTimeout.toNanos();
        while (bankUpdates() < accepted) {
            if (clock.getAsLong() > deadline) {
                throw new StalledException("the detector did not load its " + accepted + " bank entries within " + stallTimeout.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
        err.printf("banks: %,d entries loaded by the detector%n", accepted);
    }

    private double bankUpdates() {
        return pipeline.detector().registry().find("vigil.bank.updates").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long countRecords(String topic) {
        long[] count = {0};
        readTopic(topic, record -> count[0]++);
        return count[0];
    }

    /** Waits until these consumer groups have committed the topic up to its end. */
    private void awaitConsumed(String topic, List<String> groups, String what) throws StalledException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> end = endOffsets(topic);
            long deadline = clock.getAsLong() + stallTimeout.toNanos();
            for (String group : groups) {
                while (!committedUpTo(admin, group, end)) {
                    if (clock.getAsLong() > deadline) {
                        throw new StalledException(what + " did not read " + topic + " within " + stallTimeout.toSeconds()
                                + " s (consumer group " + group + ")");
                    }
                    Thread.sleep(POLL.toMillis());
                }
            }
        }
    }

    private static boolean committedUpTo(Admin admin, String group, Map<TopicPartition, Long> targets) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
                if (target.getValue() == 0) {
                    continue;
                }
                OffsetAndMetadata offset = committed.get(target.getKey());
                if (offset == null || offset.offset() < target.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The offset after the last committed data record of each partition (transaction markers aside). */
    private Map<TopicPartition, Long> endOffsets(String topic) {
        Map<TopicPartition, Long> last = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(p -> last.put(p, 0L));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    last.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
            }
        }
        return last;
    }

    /** Waits until the sink has committed past every assessment read: each one is routed (or not) by then. */
    private void awaitSinkRouted(Map<TopicPartition, Long> lastAssessment) throws StalledException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long deadline = clock.getAsLong() + stallTimeout.toNanos();
            while (!committedUpTo(admin, pipeline.applicationId("sink"), lastAssessment)) {
                if (clock.getAsLong() > deadline) {
                    throw new StalledException("the sink did not route the assessments within " + stallTimeout.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private void readQueues(BacktestResults results) {
        AvroSerde<QueueItem> items = AvroSerde.of(QueueItem.class);
        List<TopicPartition> partitions;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            partitions = consumer.listTopics(Duration.ofSeconds(30)).entrySet().stream()
                    .filter(t -> t.getKey().startsWith(Topics.QUEUE_PREFIX))
                    .flatMap(t -> t.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                    .toList();
        }
        snapshot().read(partitions, "vigil-backtest-reader", record -> results.queued(items.deserialize(record.topic(), record.value())),
                TopicSnapshot.Progress.NONE);
    }

    private void readLineage(BacktestResults results) {
        AvroSerde<LineageRecord> records = AvroSerde.of(LineageRecord.class);
        readTopic(Topics.GROUP_LINEAGE.name(), record -> results.lineage(records.deserialize(record.topic(), record.value())));
    }

    /** Every committed record the topic holds now, in offset order per partition. */
    private void readTopic(String topic, Consumer<ConsumerRecord<String, byte[]>> records) {
        TopicSnapshot snapshot = snapshot();
        try {
            snapshot.read(snapshot.partitionsOf(topic), "vigil-backtest-reader", records, TopicSnapshot.Progress.NONE);
        } catch (TopicSnapshot.MissingTopicException e) {
            throw new IllegalStateException(e.getMessage() + " on the backtest's cluster", e);
        }
    }

    private TopicSnapshot snapshot() {
        return new TopicSnapshot(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Duration.ofSeconds(30));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return ReadCommitted.consumer(bootstrapServers, "vigil-backtest-reader");
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return ReadCommitted.partitions(consumer, topic);
    }
}
