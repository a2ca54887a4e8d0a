package io.vigil.standalone.faults;

import io.vigil.runtime.config.ConfigLoader;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.SinkConfig;
import io.vigil.sink.routing.RoutingPolicy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the outputs must be after any number of crashes: every message sent has exactly one detection and one risk
 * assessment, and every queue holds exactly the messages the sink's routing policy sends it, once each; nothing is a
 * dead letter (the traffic is all valid).
 */
final class Expectations {

    /** The sink's configuration as the services run it. */
    static final SinkConfig SINK = ConfigLoader.forService("sink").environment(Map.of())
            .override("auth.oidc.issuer", Services.ISSUER).override("auth.peer-secret", Services.PEER_SECRET)
            .load(SinkConfig.class);
    static final RoutingPolicy ROUTING = SINK.routing();

    private Expectations() {
    }

    static List<String> queueTopics() {
        return ROUTING.queueNames().stream().map(q -> Topics.queue(q).name()).toList();
    }

    static void exactlyOnce(OutputLedger ledger, int sent, String bootstrapServers) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < sent; i++) {
            expected.add("m-" + i);
        }
        assertNoDuplicates(ledger.ids(Topics.DETECTIONS.name()), "detections");
        assertNoDuplicates(ledger.ids(Topics.RISK_ASSESSMENTS.name()), "risk-assessments");
        assertThat(new HashSet<>(ledger.ids(Topics.DETECTIONS.name()))).as("detections").isEqualTo(expected);
        assertThat(new HashSet<>(ledger.ids(Topics.RISK_ASSESSMENTS.name()))).as("risk-assessments").isEqualTo(expected);
        assertThat(ledger.ids(Topics.DEAD_LETTERS.name())).as("dead letters").isEmpty();

        Map<String, Set<String>> routed = new TreeMap<>();
        queueTopics().forEach(topic -> routed.put(topic, new HashSet<>()));
        for (RiskAssessment assessment : assessments(bootstrapServers, sent)) {
            ROUTING.route(assessment.getScore(), new HashSet<>(assessment.getCategories())).ifPresent(rule ->
                    routed.get(Topics.queue(rule.name()).name()).add(assessment.getMessageId()));
        }
        for (String topic : queueTopics()) {
            assertNoDuplicates(ledger.ids(topic), topic);
            assertThat(new HashSet<>(ledger.ids(topic))).as(topic).isEqualTo(routed.get(topic));
        }
    }

    static Map<String, Integer> counts(OutputLedger ledger) {
        Map<String, Integer> counts = new TreeMap<>();
        counts.put(Topics.DETECTIONS.name(), ledger.count(Topics.DETECTIONS.name()));
        counts.put(Topics.RISK_ASSESSMENTS.name(), ledger.count(Topics.RISK_ASSESSMENTS.name()));
        queueTopics().forEach(t -> counts.put(t, ledger.count(t)));
        return counts;
    }

    private static void assertNoDuplicates(List<String> ids, String topic) {
        Map<String, Integer> seen = new HashMap<>();
        ids.forEach(id -> seen.merge(id, 1, Integer::sum));
        List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().limit(10).toList();
        assertThat(twice).as("message ids written more than once to " + topic).isEmpty();
    }

    private static List<RiskAssessment> assessments(String bootstrapServers, int atLeast) {
        AvroSerde<RiskAssessment> serde = AvroSerde.of(RiskAssessment.class);
        List<RiskAssessment> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            String topic = Topics.RISK_ASSESSMENTS.name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (out.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    out.add(serde.deserialize(topic, record.value()));
                }
            }
        }
        return out;
    }
}
