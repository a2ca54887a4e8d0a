package io.vigil.runtime.streams;

import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.topics.Partitioning;
import io.vigil.schemas.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates catalogue topics that do not exist yet, or (for services that do not create topics) checks that they all
 * exist, so that a service never starts only to block on a topic it cannot write; and checks that the chat-keyed ones
 * have the deployment's partition count, because a join over topics with different counts silently misses records,
 * and that every topic accepts records as large as the service may write.
 */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 60;
    private static final long METADATA_RETRY_MS = 200;

    private TopicCreator() {
    }

    /** Room a record batch needs around one record of the service's largest size. */
    static final int BATCH_OVERHEAD_BYTES = 1024;

    public static void ensure(KafkaSettings kafka, Collection<TopicSpec> topics) {
        try (Admin admin = new KafkaClients(kafka).admin(kafka.applicationId() + "-topics")) {
            ensure(admin, topics, kafka.chatPartitions(), (short) kafka.replicationFactor());
        }
    }

    /**
     * Fails, naming them, when topics the service reads or writes are missing or accept smaller records than it may
     * write; {@code service} names the service in the message.
     */
    public static void requireUsable(Admin admin, String service, Collection<TopicSpec> topics, int maxRecordBytes) {
        List<String> names = topics.stream().map(TopicSpec::name).distinct().sorted().toList();
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException(service + " reads or writes topics that do not exist: " + String.join(", ", missing)
                        + ". Create them with `vigil topics create --bootstrap-servers ... --config <the sink's configuration>`"
                        + " (it derives the queue topics from the sink's routing), or set kafka.create-topics=true");
            }
            List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> tooSmall = new ArrayList<>();
            configs.forEach((resource, config) -> {
                ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null && Long.parseLong(entry.value()) < (long) maxRecordBytes + BATCH_OVERHEAD_BYTES) {
                    tooSmall.add(resource.name() + " (" + entry.value() + ")");
                }
            });
            if (!tooSmall.isEmpty()) {
                throw new IllegalStateException(service + " may write records of up to " + maxRecordBytes
                        + " bytes (kafka.max-record-bytes), but these topics accept less (max.message.bytes): "
                        + String.join(", ", tooSmall) + ". Lower kafka.max-record-bytes or raise max.message.bytes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot check " + service + "'s topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while checking topics", e);
        }
    }

    public static void ensure(Admin admin, Collection<TopicSpec> topics, int chatPartitions, short replicationFactor) {
        try {
            List<NewTopic> wanted = topics.stream().map(t -> t.toNewTopic(chatPartitions, replicationFactor)).distinct().toList();
            var results = admin.createTopics(wanted).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            checkPartitions(admin, topics, chatPartitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while creating topics", e);
        }
    }

    /** Describes topics just created, waiting while their metadata reaches the broker that answers. */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> topics) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot describe topics: " + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(METADATA_RETRY_MS);
            }
        }
    }

    private static void checkPartitions(Admin admin, Collection<TopicSpec> topics, int chatPartitions)
            throws InterruptedException, TimeoutException {
        List<String> chatKeyed = topics.stream().filter(t -> t.partitioning() == Partitioning.BY_CHAT).map(TopicSpec::name).distinct().toList();
        Map<String, TopicDescription> descriptions = describe(admin, chatKeyed);
        List<String> mismatched = new ArrayList<>();
        descriptions.forEach((name, description) -> {
            if (description.partitions().size() != chatPartitions) {
                mismatched.add(name + " has " + description.partitions().size());
            }
        });
        if (!mismatched.isEmpty()) {
            throw new IllegalStateException("chat-keyed topics must all have " + chatPartitions
                    + " partitions (kafka.chat-partitions) so that joins stay co-partitioned: " + String.join(", ", mismatched));
        }
    }
}
