package io.vigil.enricher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.enricher.policy.PolicyParser;
import io.vigil.runtime.testing.MutableClock;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The enricher's whole topology (chat side and network task) in a TopologyTestDriver, with its topics. The driver
 * runs every sub-topology in one task and feeds records written to network-requests, network-facts and
 * group-lineage back to their sources, as the broker does.
 */
final class EnricherHarness implements AutoCloseable {

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final TopologyTestDriver driver;
    final TestInputTopic<String, Detection> detections;
    final TestInputTopic<String, GroupMetadata> groups;
    final TestInputTopic<String, GroupEvent> events;
    final TestInputTopic<String, ModerationDecision> decisions;
    final TestOutputTopic<String, RiskAssessment> assessments;
    final TestOutputTopic<String, LineageRecord> lineage;
    final TestOutputTopic<String, HashBankEntry> hashBank;
    final TestOutputTopic<byte[], DeadLetter> deadLetters;

    EnricherHarness() {
        this(PolicyParser.defaultPolicy(), Set.of());
    }

    EnricherHarness(Policy policy, Set<String> benignIdentifiers) {
        var topology = new EnricherTopology(new PolicyEvaluator(policy),
                new EnricherStores.ChatSettings(MAX_WAIT.toMillis(), 8),
                new EnricherStores.NetworkSettings(policy, new PdqMatchPolicy(31, true, 50), benignIdentifiers),
                new EnricherMetrics(registry), clock).build();
        driver = StreamsTestSupport.driver(topology, "enricher-test", registry);
        detections = driver.createInputTopic(Topics.DETECTIONS.name(), new StringSerializer(), AvroSerde.of(Detection.class));
        groups = driver.createInputTopic(Topics.GROUP_METADATA.name(), new StringSerializer(), AvroSerde.of(GroupMetadata.class));
        events = driver.createInputTopic(Topics.GROUP_EVENTS.name(), new StringSerializer(), AvroSerde.of(GroupEvent.class));
        decisions = driver.createInputTopic(Topics.MODERATION_DECISIONS.name(), new StringSerializer(), AvroSerde.of(ModerationDecision.class));
        assessments = driver.createOutputTopic(Topics.RISK_ASSESSMENTS.name(), new StringDeserializer(), AvroSerde.of(RiskAssessment.class));
        lineage = driver.createOutputTopic(Topics.GROUP_LINEAGE.name(), new StringDeserializer(), AvroSerde.of(LineageRecord.class));
        hashBank = driver.createOutputTopic(Topics.HASH_BANK.name(), new StringDeserializer(), AvroSerde.of(HashBankEntry.class));
        deadLetters = StreamsTestSupport.deadLetters(driver);
    }

    /** Moves the wall clock on, firing the punctuations due (the queue's wait limit). */
    void advance(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
