package io.vigil.sink.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.runtime.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live alert feed: reads every partition of every queue topic (committed records only, so nothing a
 * transaction later aborts is ever shown), keeps the most recent alerts for clients that connect or reconnect, and
 * hands each new alert to the subscribed clients. It is a plain consumer with no group, so every sink instance
 * shows every alert however the queue partitions are spread over the instances.
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final int replayPerPartition;
    private final int bufferSize;
    private final ArrayDeque<AlertView> recent = new ArrayDeque<>();
    private final List<Consumer<AlertView>> subscribers = new CopyOnWriteArrayList<>();
    private final AvroSerde<QueueItem> serde = AvroSerde.of(QueueItem.class);
    private final MeterRegistry registry;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;

    public AlertFeed(KafkaClients clients, Collection<String> topics, int replayPerPartition, int bufferSize, MeterRegistry registry) {
        this.consumer = clients.committedReader("vigil-sink-alert-feed", new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = List.copyOf(topics);
        this.replayPerPartition = replayPerPartition;
        this.bufferSize = bufferSize;
        this.registry = registry;
        Gauge.builder("vigil.feed.clients", subscribers, List::size).register(registry);
        this.thread = new Thread(this::run, "vigil-alert-feed");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Whether the feed has found its topics and reads them. */
    public boolean isLive() {
        return assigned;
    }

    /** The kept alerts, oldest first. */
    public synchronized List<AlertView> recent() {
        return new ArrayList<>(recent);
    }

    /** The kept alerts after the one with this id, for a client that reconnects; all of them if the id is unknown. */
    public synchronized List<AlertView> after(String lastEventId) {
        List<AlertView> all = new ArrayList<>(recent);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).id().equals(lastEventId)) {
                return all.subList(i + 1, all.size());
            }
        }
        return all;
    }

    public synchronized java.util.Optional<AlertView> find(String itemId) {
        return recent.stream().filter(a -> a.itemId().equals(itemId)).reduce((first, second) -> second);
    }

    public Runnable subscribe(Consumer<AlertView> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void run() {
        try {
            assign();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    publish(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("alert feed stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void assign() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            while (running && (infos == null || infos.isEmpty())) {
                LOG.info("alert feed waiting for topic {}", topic);
                sleep();
                infos = consumer.partitionsFor(topic);
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - replayPerPartition));
        }
        assigned = true;
        LOG.info("alert feed reading {} partitions of {}", partitions.size(), topics);
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        QueueItem item;
        try {
            item = serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            registry.counter("vigil.feed.unreadable").increment();
            LOG.warn("alert feed skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (item == null) {
            return;
        }
        AlertView alert = AlertView.of(record.topic() + ":" + record.partition() + ":" + record.offset(), item);
        synchronized (this) {
            recent.addLast(alert);
            while (recent.size() > bufferSize) {
                recent.removeFirst();
            }
        }
        registry.counter("vigil.feed.alerts", "queue", item.getQueue()).increment();
        for (Consumer<AlertView> subscriber : subscribers) {
            try {
                subscriber.accept(alert);
            } catch (RuntimeException e) {
                LOG.debug("alert feed client failed; it will be dropped when its connection closes", e);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(TOPIC_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
