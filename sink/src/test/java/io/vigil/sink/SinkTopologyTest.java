package io.vigil.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.ExposedData;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.TextSignal;
import io.vigil.sink.feed.AlertView;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.OutcomeStatus;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.notices.NoticeEvidence;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import io.vigil.runtime.testing.MutableClock;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.SlaClock;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.vigil.sink.testing.Assessments.assessment;
import static io.vigil.sink.testing.Assessments.clusterOnly;
import static io.vigil.sink.testing.Assessments.victimCase;
import static org.assertj.core.api.Assertions.assertThat;

class SinkTopologyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TopologyTestDriver driver;
    private TestInputTopic<String, RiskAssessment> assessments;
    private TestInputTopic<String, ModerationCommand> commands;

    static SinkConfig config() {
        return ConfigLoader.forService("sink").environment(Map.of())
                .override("auth.oidc.issuer", "https://id.example.org/realms/safety")
                .override("auth.peer-secret", "peer-secret-for-tests-0123456789abcdef").load(SinkConfig.class);
    }

    @BeforeEach
    void start() {
        SinkConfig config = config();
        var topology = new SinkTopology(new QueueRouting(config.routing(), registry, clock),
                new NoticeEvidence(config.notices(), config.routing()), config.work().appealsQueue(),
                new QueueState(registry, config.queueNames()),
                new CommandDecider(config.work(), config.access().queueAccess()), new SlaClock(config.work()), Duration.ofHours(1),
                registry, clock).build();
        driver = StreamsTestSupport.driver(topology, "sink-test", registry);
        assessments = driver.createInputTopic(Topics.RISK_ASSESSMENTS.name(), new StringSerializer(), AvroSerde.of(RiskAssessment.class));
        commands = driver.createInputTopic(Topics.MODERATION_COMMANDS.name(), new StringSerializer(), AvroSerde.of(ModerationCommand.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private List<QueueItem> queue(String name) {
        return driver.createOutputTopic(Topics.queue(name).name(), new StringDeserializer(), AvroSerde.of(QueueItem.class)).readValuesToList();
    }

    private List<ModerationDecision> decisions() {
        return driver.createOutputTopic(Topics.MODERATION_DECISIONS.name(), new StringDeserializer(), AvroSerde.of(ModerationDecision.class))
                .readValuesToList();
    }

    private List<EnforcementAction> enforcement() {
        return driver.createOutputTopic(Topics.ENFORCEMENT_ACTIONS.name(), new StringDeserializer(), AvroSerde.of(EnforcementAction.class))
                .readValuesToList();
    }

    private List<AuditRecord> audit() {
        return driver.createOutputTopic(Topics.AUDIT_LOG.name(), new StringDeserializer(), AvroSerde.of(AuditRecord.class)).readValuesToList();
    }

    private QueueEntry entry(String itemId) {
        KeyValueStore<String, QueueEntry> store = driver.getKeyValueStore(QueueState.STORE);
        return store.get(itemId);
    }

    private CommandOutcome send(CommandKind kind, String actor, List<String> roles, String chat, String item, String queue,
                                ModerationAction action) {
        ModerationCommand command = ModerationCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setKind(kind)
                .setItemId(item).setChatId(chat).setQueue(queue).setActor(actor).setRoles(roles).setRequestedAt(clock.instant())
                .setAction(action).setReason(kind == CommandKind.ESCALATE ? "needs a second look" : "").build();
        commands.pipeInput(chat, command);
        KeyValueStore<String, CommandOutcome> outcomes = driver.getKeyValueStore(QueueState.OUTCOMES);
        return outcomes.get(command.getCommandId());
    }

    private CommandOutcome moderator(CommandKind kind, String actor, String item, ModerationAction action) {
        return send(kind, actor, List.of("moderator"), "c1", item, "urgent", action);
    }

    private void advance(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    @Test
    void routesEachAssessmentToTheFirstQueueWhoseRuleAcceptsItAndCountsWhatNoQueueTakes() {
        assessments.pipeInput("c1", assessment("c1", "critical", 0.95, ContentCategory.OTHER));
        assessments.pipeInput("c1", assessment("c1", "ncii", 0.7, ContentCategory.NCII));
        assessments.pipeInput("c1", assessment("c1", "csam", 0.5, ContentCategory.CSAM));
        assessments.pipeInput("c2", assessment("c2", "other", 0.7, ContentCategory.TERRORISM));
        assessments.pipeInput("c2", assessment("c2", "benign", 0.0));

        assertThat(queue("urgent")).extracting(QueueItem::getMessageId).containsExactly("critical");
        assertThat(queue("ncii")).extracting(QueueItem::getMessageId).containsExactly("ncii");
        assertThat(queue("csam")).extracting(QueueItem::getMessageId).containsExactly("csam");
        assertThat(queue("review")).extracting(QueueItem::getMessageId).containsExactly("other");
        assertThat(registry.counter("vigil.queue.items", "queue", "urgent").count()).isEqualTo(1);
        assertThat(registry.counter("vigil.assessments.unrouted", "level", "medium").count())
                .as("the assessment below every queue is counted, not dropped unseen").isEqualTo(1);
    }

    @Test
    void aQueueItemCarriesReasonsHashesProvenanceAndNetworkAndOnlyReferencesItsMedia() {
        assessments.pipeInput("c1", assessment("c1", "m1", "s1", 0.95, victimCase("v-7", 50_000), ContentCategory.NCII));

        QueueItem item = queue("urgent").get(0);
        assertThat(item.getItemId()).isEqualTo("telegram:c1:m1");
        assertThat(item.getReasons()).extracting(RiskReason::getCode).containsExactly("bank_match");
        assertThat(item.getPolicyVersion()).isEqualTo("test-policy");
        assertThat(item.getNetwork().getVictimCase().getCaseId()).isEqualTo("v-7");
        assertThat(item.getMedia()).singleElement().satisfies(ref -> {
            assertThat(ref.getBlobUri()).isEqualTo("file:///demo/m1.jpg");
            assertThat(ref.getBlurred()).isTrue();
            assertThat(ref.getSha256()).isEqualTo("ab".repeat(32));
            assertThat(ref.getMd5()).isEqualTo("cd".repeat(16));
            assertThat(ref.getPdq()).isEqualTo("ef".repeat(32));
            assertThat(ref.getPdqQuality()).isEqualTo(90);
            assertThat(ref.getProvenance()).containsExactly("confirmed by a moderator on 2026-11-01 in chat -1001");
        });
    }

    @Test
    void theItemCarriesTheDetectorsMaskedTextAndPreviewsButNeverTheKeyedHashes() {
        String preview = "6•• •• •• 78";
        String hash = "9f".repeat(32);
        RiskAssessment doxxing = assessment("c1", "m1", "s1", 0.95, null, ContentCategory.DOXXING);
        doxxing.getDetection().setText(TextSignal.newBuilder().setDoxxing(true).setScore(0.9)
                .setEntities(List.of(PersonalDataEntity.newBuilder().setType(PersonalDataType.PHONE).setStart(28).setEnd(40)
                        .setConfidence(0.9).setKeyedHash(hash).setMaskedPreview(preview).build()))
                .setMaskedText("la de la foto, su número es " + preview + ", escribidle").build());
        assessments.pipeInput("c1", doxxing);
        assessments.pipeInput("c1", assessment("c1", "m2", "s1", 0.95, null, ContentCategory.NCII));

        List<QueueItem> items = queue("urgent");
        QueueItem item = items.get(0);
        assertThat(item.getMaskedText()).isEqualTo("la de la foto, su número es 6•• •• •• 78, escribidle");
        assertThat(item.getExposedData()).extracting(ExposedData::getMaskedPreview).containsExactly(preview);
        assertThat(item.toString()).doesNotContain(hash);
        assertThat(AlertView.of(item.getItemId(), item).maskedText()).isEqualTo(item.getMaskedText());
        assertThat(items.get(1).getMaskedText()).as("a message without text has none").isNull();
    }

    @Test
    void itemsJoinTheirVictimCaseElseTheirMediaClusterElseStandAlone() {
        assessments.pipeInput("c1", assessment("c1", "m1", "s1", 0.95, victimCase("v-7", 50_000), ContentCategory.NCII));
        assessments.pipeInput("c1", assessment("c1", "m2", "s1", 0.95, clusterOnly("cluster-3", 900), ContentCategory.NCII));
        assessments.pipeInput("c1", assessment("c1", "m3", 0.95, ContentCategory.NCII));

        assertThat(entry("telegram:c1:m1").getCaseId()).isEqualTo("case:v-7");
        assertThat(entry("telegram:c1:m2").getCaseId()).isEqualTo("cluster:cluster-3");
        assertThat(entry("telegram:c1:m3").getCaseId()).isEqualTo("item:telegram:c1:m3");
        assertThat(entry("telegram:c1:m1").getDueAt()).as("urgent: 15 min SLA").isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void aClaimIsALeaseThatKeepsOthersOutUntilItExpires() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.5, ContentCategory.OTHER)); // review: a day's SLA
        List<String> moderator = List.of("moderator");

        assertThat(send(CommandKind.CLAIM, "alice", moderator, "c1", "telegram:c1:m1", "review", null).getStatus())
                .isEqualTo(OutcomeStatus.ACCEPTED);
        CommandOutcome bob = send(CommandKind.DECIDE, "bob", moderator, "c1", "telegram:c1:m1", "review", ModerationAction.CONFIRMED_REMOVE);
        assertThat(bob.getStatus()).isEqualTo(OutcomeStatus.CONFLICT);
        assertThat(bob.getHolder()).isEqualTo("alice");
        assertThat(send(CommandKind.CLAIM, "bob", moderator, "c1", "telegram:c1:m1", "review", null).getStatus())
                .isEqualTo(OutcomeStatus.CONFLICT);

        advance(Duration.ofMinutes(16));
        assertThat(send(CommandKind.CLAIM, "bob", moderator, "c1", "telegram:c1:m1", "review", null).getStatus())
                .as("alice's 15-minute lease has lapsed").isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(send(CommandKind.RELEASE, "bob", moderator, "c1", "telegram:c1:m1", "review", null).getStatus())
                .isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(entry("telegram:c1:m1").getClaim()).isNull();
    }

    @Test
    void twoDecisionsOnOneItemAreAConflictNotASilentFirstWins() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));

        CommandOutcome first = moderator(CommandKind.DECIDE, "alice", "telegram:c1:m1", ModerationAction.CONFIRMED_REMOVE);
        CommandOutcome second = moderator(CommandKind.DECIDE, "bob", "telegram:c1:m1", ModerationAction.DISMISSED_NO_ACTION);

        assertThat(first.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(second.getStatus()).isEqualTo(OutcomeStatus.CONFLICT);
        assertThat(second.getHolder()).isEqualTo("alice");
        assertThat(decisions()).singleElement().extracting(ModerationDecision::getModeratorId).isEqualTo("alice");
        assertThat(entry("telegram:c1:m1").getDecision().getAction()).isEqualTo(ModerationAction.CONFIRMED_REMOVE);
    }

    @Test
    void aDecisionActsThroughAnIdempotentEnforcementCommandAndCarriesTheHashesForStayDown() {
        assessments.pipeInput("c1", assessment("c1", "m1", "s9", 0.95, victimCase("v-7", 50_000), ContentCategory.NCII));

        CommandOutcome outcome = moderator(CommandKind.DECIDE, "alice", "telegram:c1:m1", ModerationAction.CONFIRMED_REMOVE_AND_BAN);

        ModerationDecision decision = decisions().get(0);
        assertThat(decision.getDecisionId()).isEqualTo(outcome.getDecisionId()).startsWith("decision-");
        assertThat(decision.getCategory()).isEqualTo(ContentCategory.NCII);
        assertThat(decision.getSenderId()).isEqualTo("s9");
        assertThat(decision.getCaseId()).isEqualTo("case:v-7");
        assertThat(decision.getMedia()).singleElement().satisfies(media -> {
            assertThat(media.getSha256()).isEqualTo("ab".repeat(32));
            assertThat(media.getPdq()).isEqualTo("ef".repeat(32));
            assertThat(media.getPdqQuality()).isEqualTo(90);
        });
        assertThat(enforcement()).singleElement().satisfies(action -> {
            assertThat(action.getType()).isEqualTo(EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER);
            assertThat(action.getActionId()).isEqualTo(decision.getDecisionId() + ":REMOVE_MESSAGE_AND_BAN_SENDER");
            assertThat(action.getSenderId()).isEqualTo("s9");
            assertThat(action.getReason()).isEqualTo("bank_match");
        });
    }

    @Test
    void aDismissalStillTellsThePlatformThatNothingIsToBeDone() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));

        moderator(CommandKind.DECIDE, "alice", "telegram:c1:m1", ModerationAction.DISMISSED_FALSE_POSITIVE);

        assertThat(decisions()).singleElement().satisfies(d -> assertThat(d.getCategory()).isNull());
        assertThat(enforcement()).singleElement().extracting(EnforcementAction::getType).isEqualTo(EnforcementType.NO_ACTION);
    }

    @Test
    void decisionsAreCheckedAgainstTheQueueState() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));

        assertThat(moderator(CommandKind.DECIDE, "alice", "telegram:c1:nope", ModerationAction.CONFIRMED_REMOVE).getStatus())
                .isEqualTo(OutcomeStatus.NOT_FOUND);
        assertThat(send(CommandKind.DECIDE, "alice", List.of("moderator"), "c1", "telegram:c1:m1", "review",
                ModerationAction.CONFIRMED_REMOVE).getStatus()).as("wrong queue").isEqualTo(OutcomeStatus.MISMATCH);
        ModerationCommand otherChat = ModerationCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setKind(CommandKind.DECIDE)
                .setItemId("telegram:c1:m1").setChatId("c2").setQueue("urgent").setActor("alice").setRoles(List.of("moderator"))
                .setRequestedAt(clock.instant()).setAction(ModerationAction.CONFIRMED_REMOVE).build();
        commands.pipeInput("c1", otherChat);
        KeyValueStore<String, CommandOutcome> outcomes = driver.getKeyValueStore(QueueState.OUTCOMES);
        assertThat(outcomes.get(otherChat.getCommandId())).as("a command keyed by another chat touches no state").isNull();
        assertThat(StreamsTestSupport.deadLetters(driver).readValue().getReason()).as("wrong chat").startsWith("key_not_chat_id");
        assertThat(send(CommandKind.DECIDE, "vic", List.of("viewer", "moderator"), "c1", "telegram:c1:m1", "urgent",
                ModerationAction.ESCALATED).getStatus()).as("escalation is not a decision").isEqualTo(OutcomeStatus.MISMATCH);
        assertThat(decisions()).isEmpty();
        assertThat(QueueState.isOpen(entry("telegram:c1:m1"))).isTrue();
    }

    @Test
    void escalationMovesTheItemToTheSeniorQueueWhereOnlySeniorsWork() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));
        queue("urgent");

        assertThat(moderator(CommandKind.ESCALATE, "alice", "telegram:c1:m1", null).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);

        assertThat(queue("senior")).singleElement().satisfies(item -> assertThat(item.getItemId()).isEqualTo("telegram:c1:m1"));
        QueueEntry entry = entry("telegram:c1:m1");
        assertThat(CommandDecider.currentQueue(entry)).isEqualTo("senior");
        assertThat(entry.getEscalation().getBy()).isEqualTo("alice");
        assertThat(QueueState.isOpen(entry)).as("an escalation does not close the item").isTrue();
        assertThat(send(CommandKind.DECIDE, "bob", List.of("moderator"), "c1", "telegram:c1:m1", "senior",
                ModerationAction.CONFIRMED_REMOVE).getStatus()).isEqualTo(OutcomeStatus.FORBIDDEN);
        assertThat(send(CommandKind.DECIDE, "sam", List.of("senior"), "c1", "telegram:c1:m1", "senior",
                ModerationAction.CONFIRMED_REMOVE).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void anUnclaimedItemNearItsSlaIsEscalatedAndABreachIsCountedOnce() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));
        assessments.pipeInput("c1", assessment("c1", "m2", 0.95, ContentCategory.NCII));
        moderator(CommandKind.CLAIM, "alice", "telegram:c1:m2", null);
        audit();

        advance(Duration.ofMinutes(12)); // 80% of urgent's 15 minutes; escalation at 75%

        assertThat(queue("senior")).extracting(QueueItem::getItemId).containsExactly("telegram:c1:m1");
        assertThat(audit()).singleElement().satisfies(record -> {
            assertThat(record.getAction()).isEqualTo(AuditAction.ESCALATION);
            assertThat(record.getActor()).isEqualTo("sla");
        });
        assertThat(CommandDecider.currentQueue(entry("telegram:c1:m2"))).as("claimed: not escalated").isEqualTo("urgent");

        advance(Duration.ofMinutes(4));
        advance(Duration.ofMinutes(1));
        assertThat(registry.counter("vigil.sla.breaches", "queue", "urgent").count()).as("m2, claimed but undecided after 15 min").isEqualTo(1);
        assertThat(registry.get("vigil.queue.open").tag("queue", "senior").gauge().value())
                .as("m2 too, once alice's claim lapsed after 15 min").isEqualTo(2);
        assertThat(registry.get("vigil.queue.open").tag("queue", "urgent").gauge().value()).isZero();
        assertThat(registry.get("vigil.queue.age.seconds").tag("queue", "senior").tag("quantile", "1.0").gauge().value())
                .as("ages count from enqueueing").isEqualTo(Duration.ofMinutes(17).toSeconds());
    }

    @Test
    void aModeratorRevealsOnlyWithASecondPersonsApprovalThatExpires() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));
        ModerationCommand request = ModerationCommand.newBuilder().setCommandId(UUID.randomUUID().toString())
                .setKind(CommandKind.REQUEST_REVEAL).setItemId("telegram:c1:m1").setChatId("c1").setQueue("urgent").setActor("alice")
                .setRoles(List.of("moderator")).setRequestedAt(clock.instant()).setReason("is it the banked image?").build();
        commands.pipeInput("c1", request);

        assertThat(CommandDecider.mayReveal(entry("telegram:c1:m1"), "alice", clock.instant())).as("asked, not approved").isFalse();
        assertThat(approve("bob", List.of("moderator"), "alice").getStatus()).as("a moderator approves nothing").isEqualTo(OutcomeStatus.FORBIDDEN);
        assertThat(approve("sam", List.of("senior"), "sam").getStatus()).as("nobody approves their own").isEqualTo(OutcomeStatus.FORBIDDEN);
        assertThat(approve("sam", List.of("senior"), "carol").getStatus()).isEqualTo(OutcomeStatus.NOT_FOUND);
        assertThat(approve("sam", List.of("senior"), "alice").getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(CommandDecider.mayReveal(entry("telegram:c1:m1"), "alice", clock.instant())).isTrue();
        assertThat(CommandDecider.mayReveal(entry("telegram:c1:m1"), "bob", clock.instant())).isFalse();
        assertThat(CommandDecider.mayReveal(entry("telegram:c1:m1"), "alice", clock.instant().plus(Duration.ofMinutes(11))))
                .as("the approval holds ten minutes").isFalse();
        assertThat(audit()).extracting(AuditRecord::getAction).containsSubsequence(AuditAction.REVEAL_REQUEST, AuditAction.REVEAL_APPROVAL);
    }

    private CommandOutcome approve(String actor, List<String> roles, String forModerator) {
        ModerationCommand approval = ModerationCommand.newBuilder().setCommandId(UUID.randomUUID().toString())
                .setKind(CommandKind.APPROVE_REVEAL).setItemId("telegram:c1:m1").setChatId("c1").setQueue("urgent").setActor(actor)
                .setRoles(roles).setRequestedAt(clock.instant()).setForModerator(forModerator).build();
        commands.pipeInput("c1", approval);
        KeyValueStore<String, CommandOutcome> outcomes = driver.getKeyValueStore(QueueState.OUTCOMES);
        return outcomes.get(approval.getCommandId());
    }

    @Test
    void everyCommandIsAuditedWithItsOutcome() {
        assessments.pipeInput("c1", assessment("c1", "m1", 0.95, ContentCategory.NCII));
        moderator(CommandKind.CLAIM, "alice", "telegram:c1:m1", null);
        moderator(CommandKind.CLAIM, "bob", "telegram:c1:m1", null);
        moderator(CommandKind.DECIDE, "alice", "telegram:c1:m1", ModerationAction.CONFIRMED_REMOVE);

        assertThat(audit()).extracting(AuditRecord::getActor, AuditRecord::getAction, AuditRecord::getOutcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", AuditAction.CLAIM, "accepted"),
                org.assertj.core.groups.Tuple.tuple("bob", AuditAction.CLAIM, "conflict"),
                org.assertj.core.groups.Tuple.tuple("alice", AuditAction.DECISION, "accepted"));
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
}
