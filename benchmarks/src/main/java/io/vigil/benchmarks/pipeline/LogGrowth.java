package io.vigil.benchmarks.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * How many log entries (records and transaction markers) each topic gained over a phase, internal topics (changelogs,
 * consumer offsets, transaction state) included: what a message costs the broker, which on a small machine shares
 * the cores with the services. Each exactly-once commit adds one marker to every partition its transaction wrote.
 */
final class LogGrowth implements AutoCloseable {

    private final Admin admin;
    private Map<TopicPartition, Long> start = Map.of();

    LogGrowth(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void mark() {
        start = endOffsets();
    }

    /** Entries added per topic since {@link #mark()}, largest first. */
    Map<String, Long> sinceMark() {
        Map<String, Long> growth = new TreeMap<>();
        endOffsets().forEach((partition, end) -> growth.merge(partition.topic(), end - start.getOrDefault(partition, 0L), Long::sum));
        growth.values().removeIf(n -> n == 0);
        return growth;
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read end offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
