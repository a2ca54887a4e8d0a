package io.vigil.compliance.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Delivers the records of one topic to an external service, in batches, exactly once on the Kafka side: a batch's
 * outputs (dead letters, status records) and the consumer's offsets commit in one transaction, only after the external
 * service answered for every record of it. The external side is made idempotent by the handler (a puid, a report id),
 * so a batch resent after a crash or a rebalance changes nothing there. While the service asks to wait, the loop keeps
 * its partitions (paused, still polling) and tries the same batch again after a backoff.
 */
public final class DeliveryLoop implements AutoCloseable {

    /** What one delivery does with a batch: the records to write with its offsets. */
    public interface Handler {
        List<ProducerRecord<byte[], byte[]>> deliver(List<ConsumerRecord<byte[], byte[]>> batch) throws RetryLaterException, InterruptedException;
    }

    /** The external service asked to wait, or could not be reached; nothing of the batch is committed. */
    public static class RetryLaterException extends Exception {
        private final transient java.util.Optional<Duration> retryAfter;

        public RetryLaterException(String message, java.util.Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public java.util.Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);

    private final String name;
    private final String topic;
    private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
    private final Supplier<KafkaProducer<byte[], byte[]>> producers;
    private final Handler handler;
    private final int batchSize;
    private final Duration linger;
    private final Duration maxBackoff;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean up;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private boolean revoked;

    public DeliveryLoop(String name, String topic, Supplier<KafkaConsumer<byte[], byte[]>> consumers,
                        Supplier<KafkaProducer<byte[], byte[]>> producers, Handler handler, int batchSize, Duration linger,
                        Duration maxBackoff, MeterRegistry registry, Clock clock) {
        this.name = name;
        this.topic = topic;
        this.consumers = consumers;
        this.producers = producers;
        this.handler = handler;
        this.batchSize = batchSize;
        this.linger = linger;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
        Gauge.builder("vigil.delivery.up", this, loop -> loop.up ? 1 : 0).tag("delivery", name)
                .description("1 while the delivery loop is connected and not waiting on a failure").register(registry);
        this.thread = new Thread(this::run, "vigil-delivery-" + name);
        this.thread.setDaemon(true);
    }

    public DeliveryLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = consumers.get(); KafkaProducer<byte[], byte[]> producer = producers.get()) {
                consumer = c;
                consume(c, producer);
            } catch (WakeupException e) {
                // close() asked us to stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                up = false;
                LOG.error("delivery {} failed; restarting it in {} s", name, RESTART_PAUSE.toSeconds(), e);
                sleep(RESTART_PAUSE);
            } finally {
                up = false;
            }
        }
    }

    private void consume(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer) throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> pending = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Instant oldest = null;
        c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                revoked = true;
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        up = true;
        while (running) {
            revoked = false;
            for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
                pending.add(record);
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                if (oldest == null) {
                    oldest = clock.instant();
                }
            }
            if (revoked) {
                // Uncommitted records now belong to another member, which reads them again from the committed offsets.
                pending.clear();
                offsets.clear();
                oldest = null;
                continue;
            }
            boolean full = pending.size() >= batchSize;
            boolean waitedEnough = oldest != null && !clock.instant().isBefore(oldest.plus(linger));
            if (!pending.isEmpty() && (full || waitedEnough)) {
                // Delivered and committed, or the partitions went to another member meanwhile: either way done here.
                deliver(c, producer, pending, offsets);
                pending.clear();
                offsets.clear();
                oldest = null;
            }
        }
    }

    /** Delivers pending in batches, retrying while asked to wait; false when the partitions were lost meanwhile. */
    private boolean deliver(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                            List<ConsumerRecord<byte[], byte[]>> pending, Map<TopicPartition, OffsetAndMetadata> offsets)
            throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        Backoff backoff = new Backoff(maxBackoff);
        for (int from = 0; from < pending.size(); from += batchSize) {
            List<ConsumerRecord<byte[], byte[]>> batch = pending.subList(from, Math.min(pending.size(), from + batchSize));
            while (true) {
                try {
                    outputs.addAll(handler.deliver(batch));
                    up = true;
                    backoff.reset();
                    break;
                } catch (RetryLaterException e) {
                    up = false;
                    Duration wait = backoff.next(e.retryAfter());
                    LOG.warn("delivery {}: {}; trying the batch again in {} ms (attempt {})", name, e.getMessage(), wait.toMillis(), backoff.failures());
                    if (!waitKeepingPartitions(c, wait)) {
                        return false;
                    }
                }
            }
        }
        producer.beginTransaction();
        try {
            outputs.forEach(producer::send);
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
        return true;
    }

    /** Waits, polling paused partitions so the group keeps them; false when they were revoked meanwhile. */
    private boolean waitKeepingPartitions(KafkaConsumer<byte[], byte[]> c, Duration wait) {
        Instant until = clock.instant().plus(wait);
        c.pause(c.assignment());
        revoked = false;
        try {
            while (running && clock.instant().isBefore(until)) {
                c.poll(POLL);
                if (revoked) {
                    return false;
                }
            }
            return running;
        } finally {
            c.resume(c.paused());
        }
    }

    public boolean isUp() {
        return up;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
