package io.vigil.ingest.kafka;

import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.IngestOffset;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes an adapter's events and its read position in one Kafka transaction: either both are on the topics or
 * neither is. The position lives on the compacted {@code ingest-offsets} topic, keyed by the adapter's source, so a
 * restarted adapter reads it back (committed records only) and resumes exactly after the last events written, and a
 * second instance with the same transactional id fences the first, so two never write at once.
 */
public final class TransactionalWriter implements AutoCloseable {

    /** The writer cannot go on: another instance took over, or the cluster refuses it. Restarting is the remedy. */
    public static final class FatalException extends RuntimeException {
        FatalException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Events to write with a position: message events, group events, metadata, and input that could not be read. */
    public record Batch(List<MessageEvent> messages, List<GroupEvent> groupEvents, List<GroupMetadata> metadata,
                        List<DeadLetter> deadLetters) {
        public int size() {
            return messages.size() + groupEvents.size() + metadata.size() + deadLetters.size();
        }
    }

    /** What the ledger says: the next position to read, and how many updates were written before it. */
    public record Position(long next, long written) {
    }

    private static final AvroSerde<MessageEvent> MESSAGES = AvroSerde.of(MessageEvent.class);
    private static final AvroSerde<GroupEvent> GROUP_EVENTS = AvroSerde.of(GroupEvent.class);
    private static final AvroSerde<GroupMetadata> GROUPS = AvroSerde.of(GroupMetadata.class);
    private static final AvroSerde<IngestOffset> OFFSETS = AvroSerde.of(IngestOffset.class);
    private static final AvroSerde<DeadLetter> DEAD_LETTERS = AvroSerde.of(DeadLetter.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> clientSettings;
    private final String source;
    private final Duration timeout;
    private final KafkaProducer<String, byte[]> producer;
    private Runnable beforeCommit = () -> { };

    /**
     * @param source          the ledger's key, e.g. {@code telegram-bot:<bot id>}
     * @param transactionalId one per source: a restarted adapter takes over its predecessor's open transaction (aborted)
     */
    public TransactionalWriter(Map<String, Object> clientSettings, String source, String transactionalId, Duration timeout) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.source = source;
        this.timeout = timeout;
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        try {
            // Fences an earlier instance and aborts whatever transaction it left open, before the ledger is read.
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new FatalException("cannot start Kafka transactions as " + transactionalId + ": " + e.getMessage(), e);
        }
    }

    /** The source's position as the ledger has it (committed records only); position 0 when it has none. */
    public Position readPosition() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-ingest-ledger");
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        Position position = new Position(0, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_OFFSETS.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (source.equals(record.key())) {
                        position = read(record.value(), position);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + Topics.INGEST_OFFSETS.name() + " made no headway for " + timeout.toSeconds() + " s");
                }
            }
        }
        return position;
    }

    private static Position read(byte[] value, Position before) {
        if (value == null) {
            return new Position(0, 0);
        }
        try {
            IngestOffset offset = OFFSETS.deserialize(Topics.INGEST_OFFSETS.name(), value);
            return new Position(offset.getNextPosition(), offset.getUpdatesWritten());
        } catch (SerializationException e) {
            return before;
        }
    }

    /**
     * Writes the batch and the new position in one transaction and returns once it is committed. On a failure that
     * retrying can cure, the transaction is aborted (nothing of it is visible) and the error thrown; the caller
     * retries the same input. On a fatal one, {@link FatalException}.
     */
    public void write(Batch batch, Position next) {
        try {
            producer.beginTransaction();
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (MessageEvent message : batch.messages()) {
                sent.add(producer.send(new ProducerRecord<>(Topics.MESSAGE_EVENTS.name(), message.getChatId(),
                        MESSAGES.serialize(Topics.MESSAGE_EVENTS.name(), message))));
            }
            for (GroupEvent event : batch.groupEvents()) {
                sent.add(producer.send(new ProducerRecord<>(Topics.GROUP_EVENTS.name(), event.getChatId(),
                        GROUP_EVENTS.serialize(Topics.GROUP_EVENTS.name(), event))));
            }
            for (GroupMetadata group : batch.metadata()) {
                sent.add(producer.send(new ProducerRecord<>(Topics.GROUP_METADATA.name(), group.getChatId(),
                        GROUPS.serialize(Topics.GROUP_METADATA.name(), group))));
            }
            for (DeadLetter letter : batch.deadLetters()) {
                sent.add(producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), source,
                        DEAD_LETTERS.serialize(Topics.DEAD_LETTERS.name(), letter))));
            }
            IngestOffset offset = IngestOffset.newBuilder().setSource(source).setNextPosition(next.next())
                    .setUpdatesWritten(next.written()).setUpdatedAt(Instant.now()).build();
            sent.add(producer.send(new ProducerRecord<>(Topics.INGEST_OFFSETS.name(), source, OFFSETS.serialize(Topics.INGEST_OFFSETS.name(), offset))));
            producer.flush();
            for (Future<?> future : sent) {
                future.get();
            }
            beforeCommit.run();
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | InvalidProducerEpochException e) {
            throw new FatalException("Kafka refused this writer (another instance may have taken over): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            abort();
            throw new IllegalStateException("writing to Kafka failed: " + e.getCause().getMessage(), e.getCause());
        } catch (KafkaException e) {
            abort();
            throw new IllegalStateException("writing to Kafka failed: " + e.getMessage(), e);
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            throw new FatalException("cannot abort the Kafka transaction: " + e.getMessage(), e);
        }
    }

    /** For tests of crashes: runs after the batch is sent and before the commit. */
    public void beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
