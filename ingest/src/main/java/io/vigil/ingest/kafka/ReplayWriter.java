package io.vigil.ingest.kafka;

import io.vigil.ingest.replay.Pacer;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Writes a replay to the cluster: each chat's metadata first (where it differs from what the topic has), then the
 * events in the order given, message events to {@code message-events} and group events to {@code group-events},
 * keyed by chat id like everything about a chat, skipping those already there. The producer is idempotent with
 * {@code acks=all}, so a retried send is not written twice; a failed send stops the replay with the error, and running
 * it again writes what is missing.
 */
public final class ReplayWriter implements AutoCloseable {

    /** Told how far the replay has come, after every event. */
    public interface Progress {
        void update(long done, long written, long alreadyThere);
    }

    /** Chats whose metadata was written, and those whose metadata the topic already had. */
    public record MetadataOutcome(long written, long unchanged) {
    }

    /** Events written, and events the topics already had (or that came twice in this run). */
    public record EventsOutcome(long written, long alreadyThere) {
    }

    private static final AvroSerde<MessageEvent> MESSAGES = AvroSerde.of(MessageEvent.class);
    private static final AvroSerde<GroupEvent> GROUP_EVENTS = AvroSerde.of(GroupEvent.class);
    private static final AvroSerde<GroupMetadata> GROUPS = AvroSerde.of(GroupMetadata.class);

    /** A short linger batches a replay's records without holding a slow one back noticeably. */
    private static final int LINGER_MS = 10;

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public ReplayWriter(Map<String, Object> clientSettings, Duration timeout, String clientId) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int requestTimeout = (int) Math.min(timeout.toMillis(), 30_000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms; retries may take the whole timeout more.
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (LINGER_MS + requestTimeout + timeout.toMillis()));
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes each chat's metadata unless the topic already says the same. */
    public MetadataOutcome writeMetadata(List<GroupMetadata> metadata, ExistingEvents existing) {
        long written = 0;
        long unchanged = 0;
        for (GroupMetadata group : metadata) {
            if (existing.hasSame(group)) {
                unchanged++;
                continue;
            }
            send(Topics.GROUP_METADATA.name(), group.getChatId(), GROUPS.serialize(Topics.GROUP_METADATA.name(), group));
            existing.remember(group);
            written++;
        }
        flush();
        return new MetadataOutcome(written, unchanged);
    }

    /**
     * Writes the events not yet there, paced; {@code rewrite} may give an event new ids or times first (the demo's
     * loops) and is applied before the check.
     */
    public EventsOutcome writeEvents(Iterator<ReplayEvent> events, ExistingEvents existing, Pacer pacer,
                              UnaryOperator<ReplayEvent> rewrite, Progress progress) throws InterruptedException {
        long done = 0;
        long written = 0;
        long already = 0;
        while (events.hasNext()) {
            ReplayEvent event = rewrite.apply(events.next());
            pacer.await(event.sentAt());
            if (existing.firstTime(event)) {
                send(event);
                written++;
            } else {
                already++;
            }
            done++;
            progress.update(done, written, already);
        }
        flush();
        return new EventsOutcome(written, already);
    }

    /** Writes one event as it is, without a check (the demo's fresh ids are new by construction). */
    public void send(ReplayEvent event) {
        if (event.isMessage()) {
            send(Topics.MESSAGE_EVENTS.name(), event.chatId(), MESSAGES.serialize(Topics.MESSAGE_EVENTS.name(), event.message()));
        } else {
            send(Topics.GROUP_EVENTS.name(), event.chatId(), GROUP_EVENTS.serialize(Topics.GROUP_EVENTS.name(), event.groupEvent()));
        }
    }

    /** Writes a record as it is (the demo's malformed records). */
    public void sendRaw(String topic, String key, byte[] value) {
        send(topic, key, value);
    }

    private void send(String topic, String key, byte[] value) {
        failIfFailed();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    public void flush() {
        producer.flush();
        failIfFailed();
    }

    private void failIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("writing the replay failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
