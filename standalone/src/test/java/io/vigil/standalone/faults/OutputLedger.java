package io.vigil.standalone.faults;

import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every committed output of the pipeline as a read-committed consumer sees it (what the platform's consumers see), with
 * the time each record arrived here: the message ids on detections, risk-assessments and every queue, for the
 * exactly-once check, and the arrival times, for how long output stopped after a fault.
 */
final class OutputLedger implements AutoCloseable {

    /**
     * One record seen: its message id, where it is in its topic, its record timestamp (Kafka Streams carries the input
     * message's send time through every hop) and when it arrived.
     */
    record Arrival(String messageId, int partition, long offset, Instant stamped, Instant at) {
    }

    private final Map<String, List<Arrival>> byTopic = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    OutputLedger(String bootstrapServers, Collection<String> queueTopics) {
        List<String> topics = new ArrayList<>(List.of(Topics.DETECTIONS.name(), Topics.RISK_ASSESSMENTS.name(), Topics.DEAD_LETTERS.name()));
        topics.addAll(queueTopics);
        topics.forEach(t -> byTopic.put(t, new CopyOnWriteArrayList<>()));
        thread = new Thread(() -> tail(bootstrapServers, topics), "output-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    private void tail(String bootstrapServers, List<String> topics) {
        AvroSerde<Detection> detections = AvroSerde.of(Detection.class);
        AvroSerde<RiskAssessment> assessments = AvroSerde.of(RiskAssessment.class);
        AvroSerde<QueueItem> items = AvroSerde.of(QueueItem.class);
        AvroSerde<DeadLetter> letters = AvroSerde.of(DeadLetter.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant now = Instant.now();
                    String topic = record.topic();
                    String id;
                    if (topic.equals(Topics.DETECTIONS.name())) {
                        id = detections.deserialize(topic, record.value()).getMessageId();
                    } else if (topic.equals(Topics.RISK_ASSESSMENTS.name())) {
                        id = assessments.deserialize(topic, record.value()).getMessageId();
                    } else if (topic.equals(Topics.DEAD_LETTERS.name())) {
                        DeadLetter letter = letters.deserialize(topic, record.value());
                        id = letter.getApplication() + " " + letter.getReason();
                    } else {
                        id = items.deserialize(topic, record.value()).getMessageId();
                    }
                    byTopic.get(topic).add(new Arrival(id, record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), now));
                }
            }
        } catch (RuntimeException e) {
            failures.add(e.toString());
        }
    }

    List<String> ids(String topic) {
        return byTopic.get(topic).stream().map(Arrival::messageId).toList();
    }

    int count(String topic) {
        return byTopic.get(topic).size();
    }

    /**
     * When the first record on {@code topic} written at or past {@code committedEnds} (partition to offset) arrived. A
     * record below those offsets was committed before them, however late this consumer reads it: on a loaded machine it
     * can arrive after a restart and would otherwise be taken for the restarted instance's first output.
     */
    Optional<Instant> firstWrittenFrom(String topic, Map<Integer, Long> committedEnds) {
        return byTopic.get(topic).stream()
                .filter(arrival -> arrival.offset() >= committedEnds.getOrDefault(arrival.partition(), 0L))
                .map(Arrival::at).min(Instant::compareTo);
    }

    /**
     * When the first output of a message sent at or after {@code sentFrom} arrived. For a broker's kill: its committed end
     * can only be read before the kill, so output committed between that read and the kill would pass for recovery.
     */
    Optional<Instant> firstOfMessagesSentFrom(String topic, Instant sentFrom) {
        return byTopic.get(topic).stream()
                .filter(arrival -> !arrival.stamped().isBefore(sentFrom))
                .map(Arrival::at).min(Instant::compareTo);
    }

    /** The longest time between two records on {@code topic} within [from, to]. */
    Duration longestGap(String topic, Instant from, Instant to) {
        List<Instant> times = byTopic.get(topic).stream().map(Arrival::at).filter(at -> !at.isBefore(from) && !at.isAfter(to))
                .sorted().toList();
        Duration longest = times.isEmpty() ? Duration.between(from, to) : Duration.between(from, times.get(0));
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
        }
        return longest;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
