package io.vigil.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SinkTopologyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RiskAssessment> assessments;
    private TestInputTopic<String, ModerationDecision> decisions;

    @BeforeEach
    void start() {
        SinkConfig config = ConfigLoader.forService("sink").environment(Map.of()).load(SinkConfig.class);
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        var topology = new SinkTopology(new QueueRouting(config.routing(), registry, clock),
                new QueueState(registry, config.routing().queueNames()), Duration.ofHours(1), registry, clock, 1_000_000).build();
        driver = StreamsTestSupport.driver(topology, "sink-test", registry);
        assessments = driver.createInputTopic(Topics.RISK_ASSESSMENTS.name(), new StringSerializer(), AvroSerde.of(RiskAssessment.class));
        decisions = driver.createInputTopic(Topics.MODERATION_DECISIONS.name(), new StringSerializer(), AvroSerde.of(ModerationDecision.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private List<QueueItem> queue(String name) {
        return driver.createOutputTopic(Topics.queue(name).name(), new StringDeserializer(), AvroSerde.of(QueueItem.class)).readValuesToList();
    }

    @Test
    void routesEachAssessmentToTheFirstQueueWhoseRuleAcceptsItAndDropsNothingSilently() {
        assessments.pipeInput("c1", assessment("c1", "critical", 0.95, ContentCategory.OTHER));
        assessments.pipeInput("c1", assessment("c1", "ncii", 0.7, ContentCategory.NCII));
        assessments.pipeInput("c2", assessment("c2", "other", 0.7, ContentCategory.TERRORISM));
        assessments.pipeInput("c2", assessment("c2", "benign", 0.0));

        assertThat(queue("urgent")).extracting(QueueItem::getMessageId).containsExactly("critical");
        assertThat(queue("ncii")).extracting(QueueItem::getMessageId).containsExactly("ncii");
        assertThat(queue("review")).extracting(QueueItem::getMessageId).containsExactly("other");
        assertThat(registry.counter("vigil.queue.items", "queue", "urgent").count()).isEqualTo(1);
    }

    @Test
    void aQueueItemCarriesTheReasonsAndOnlyReferencesItsMedia() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));

        QueueItem item = queue("urgent").get(0);
        assertThat(item.getItemId()).isEqualTo("telegram:c1:m1");
        assertThat(item.getPriority()).isZero();
        assertThat(item.getReasons()).extracting(RiskReason::getCode).containsExactly("bank_match");
        assertThat(item.getMedia()).singleElement().satisfies(ref -> {
            assertThat(ref.getBlobUri()).isEqualTo("file:///demo/m1.jpg");
            assertThat(ref.getBlurred()).isTrue();
        });
    }

    @Test
    void materializesOpenItemsAndClosesThemWithTheFirstDecision() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));
        assessments.pipeInput("c1", assessment("c1", "m2", 0.95, ContentCategory.NCII));
        decisions.pipeInput("c1", decision("telegram:c1:m1", ModerationAction.CONFIRMED_REMOVE));
        decisions.pipeInput("c1", decision("telegram:c1:m1", ModerationAction.DISMISSED_NO_ACTION));

        KeyValueStore<String, QueueEntry> store = driver.getKeyValueStore(QueueState.STORE);
        assertThat(store.get("telegram:c1:m1").getDecision().getAction()).isEqualTo(ModerationAction.CONFIRMED_REMOVE);
        assertThat(QueueState.isOpen(store.get("telegram:c1:m1"))).isFalse();
        assertThat(QueueState.isOpen(store.get("telegram:c1:m2"))).isTrue();
        assertThat(registry.counter("vigil.decisions.superseded").count()).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofSeconds(6));
        assertThat(registry.get("vigil.queue.open").tag("queue", "urgent").gauge().value()).isEqualTo(1);
    }

    @Test
    void aDecisionKeyedByAnotherChatIsDeadLetteredAndClosesNothing() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));
        decisions.pipeInput("c2", decision("telegram:c1:m1", ModerationAction.CONFIRMED_REMOVE));
        StreamsTestSupport.rawInput(driver, Topics.MODERATION_DECISIONS.name()).pipeInput("c1".getBytes(), "garbage".getBytes());

        assertThat(StreamsTestSupport.deadLetters(driver).readValuesToList()).extracting(l -> l.getReason().split(":")[0])
                .containsExactly("key_not_chat_id", "unreadable_record");
        KeyValueStore<String, QueueEntry> store = driver.getKeyValueStore(QueueState.STORE);
        assertThat(QueueState.isOpen(store.get("telegram:c1:m1"))).isTrue();
    }

    @Test
    void anUnreadableAssessmentIsDeadLettered() {
        StreamsTestSupport.rawInput(driver, Topics.RISK_ASSESSMENTS.name()).pipeInput("c1".getBytes(), "garbage".getBytes());
        assessments.pipeInput("c1", assessment("c1", "after", 0.95));

        DeadLetter letter = StreamsTestSupport.deadLetters(driver).readValue();
        assertThat(letter.getApplication()).isEqualTo("sink-test");
        assertThat(letter.getReason()).startsWith("unreadable_record");
        assertThat(queue("urgent")).extracting(QueueItem::getMessageId).containsExactly("after");
    }

    static RiskAssessment assessment(String chatId, String messageId, double score, ContentCategory... categories) {
        Detection detection = Detection.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId)
                .setSenderId("s").setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH)
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO)
                        .setBlobUri("file:///demo/" + messageId + ".jpg").build()))
                .build();
        return RiskAssessment.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId).setSenderId("s")
                .setSentAt(Instant.EPOCH).setAssessedAt(Instant.EPOCH).setScore(score)
                .setLevel(score > 0.85 ? RiskLevel.CRITICAL : RiskLevel.MEDIUM).setCategories(List.of(categories))
                .setReasons(List.of(new RiskReason("bank_match", "matches", score))).setDetection(detection).build();
    }

    static ModerationDecision decision(String itemId, ModerationAction action) {
        return ModerationDecision.newBuilder().setItemId(itemId).setQueue("urgent").setPlatform("telegram").setChatId("c1")
                .setMessageId("m1").setAction(action).setModeratorId("mod-7").setDecidedAt(Instant.EPOCH).build();
    }
}
