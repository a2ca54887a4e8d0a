package io.vigil.runtime.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The health of one Kafka Streams application of a service: its state, dying threads, restores and progress. */
public final class StageHealth {

    private static final Set<KafkaStreams.State> LIVE_STATES =
            Set.of(KafkaStreams.State.CREATED, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    private final String name;
    private final String applicationId;
    private final KafkaStreams streams;
    private final ThreadFailures failures = new ThreadFailures();
    private final RestoreTracker restores = new RestoreTracker();
    private final ProgressTracker progress;
    private final Duration stallTimeout;
    /** Partitions assigned here lately, and when they last were: a thread that keeps dying keeps losing them. */
    private final Map<TopicPartition, Instant> lastAssigned = new HashMap<>();

    private final String memberPrefix;

    /** @param instanceId this instance's group.instance.id; Streams gives each of its threads {@code instanceId-N} */
    public StageHealth(String name, String applicationId, String instanceId, KafkaStreams streams, Duration stallTimeout) {
        this.name = name;
        this.applicationId = applicationId;
        this.memberPrefix = instanceId + "-";
        this.streams = streams;
        this.stallTimeout = stallTimeout;
        this.progress = new ProgressTracker(stallTimeout);
    }

    public String name() {
        return name;
    }

    /** Registered with Streams so that restores in progress keep the instance out of readiness. */
    public StateRestoreListener restoreListener() {
        return restores;
    }

    /** Called from the uncaught-exception handler, before the thread is replaced. */
    public void threadFailed(Instant at, Throwable error) {
        failures.failed(at, error);
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    int threadFailures(Instant now) {
        return failures.recent(now);
    }

    int restoresActive() {
        return restores.active();
    }

    long restoreRecordsRemaining() {
        return restores.recordsRemaining();
    }

    Set<String> stalled() {
        return progress.stalled();
    }

    /**
     * Reads the partitions assigned here lately (a stream thread that dies and is replaced loses its partitions until
     * the next assignment, so the ones held within twice the stall timeout count), the group's committed offsets and
     * the partitions' ends, and tracks progress.
     */
    void sample(Admin admin, Set<String> existingTopics, Duration timeout, Instant now) throws Exception {
        streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .forEach(partition -> lastAssigned.put(partition, now));
        // The group's view as well: a static member keeps its assignment while its thread dies and is replaced, when
        // the thread's own metadata is empty most of the time.
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        group.members().stream()
                .filter(member -> member.groupInstanceId().map(id -> id.startsWith(memberPrefix)).orElse(false))
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .forEach(partition -> lastAssigned.put(partition, now));
        lastAssigned.values().removeIf(at -> at.plus(stallTimeout.multipliedBy(2)).isBefore(now));
        // A deleted topic is reported as missing; its partitions have no offsets to read.
        lastAssigned.keySet().removeIf(partition -> !existingTopics.contains(partition.topic()));
        Set<TopicPartition> assigned = Set.copyOf(lastAssigned.keySet());
        if (assigned.isEmpty()) {
            progress.observe(Map.of(), Map.of(), now);
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(assigned.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<TopicPartition, Long> positions = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                positions.put(partition, offset.offset());
            }
        });
        progress.observe(positions, ends, now);
    }

    /** Adds why this stage is not live, or not ready, to the lists. */
    void assess(Instant now, List<String> notLive, List<String> notReady) {
        KafkaStreams.State state = streams.state();
        if (!LIVE_STATES.contains(state)) {
            notLive.add(name + ": Kafka Streams is " + state);
        } else if (state != KafkaStreams.State.RUNNING) {
            notReady.add(name + ": Kafka Streams is " + state);
        }
        int recentFailures = failures.recent(now);
        if (recentFailures >= ThreadFailures.KEEPS_DYING) {
            notLive.add(name + ": a stream thread failed " + recentFailures + " times in the last "
                    + ThreadFailures.WINDOW.toMinutes() + " min (last error: " + failures.lastError() + ")");
        }
        Set<String> stalled = progress.stalled();
        if (!stalled.isEmpty()) {
            notLive.add(name + ": partitions make no progress: " + String.join(", ", stalled));
        }
        if (restores.active() > 0) {
            notReady.add(name + ": restoring " + restores.active() + " state store partition(s), "
                    + restores.recordsRemaining() + " records left");
        }
    }
}
