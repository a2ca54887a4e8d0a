package io.vigil.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.Notice;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.notices.NoticeEvidence;
import io.vigil.sink.steps.CommandHandling;
import io.vigil.sink.steps.CommandValidation;
import io.vigil.sink.steps.NoticeRecording;
import io.vigil.sink.steps.QueueItemRecording;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import io.vigil.sink.steps.RouteToQueue;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.SlaClock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.time.Duration;

/**
 * risk-assessments -> route by policy -> queue.&lt;name&gt; and the queue state (SLA clock, escalations); notices ->
 * onto the open item about their message, or a new item -> queue.&lt;name&gt; and the queue state; the appeals queue
 * (written by the compliance service) -> the queue state;
 * moderation-commands -> claims, escalations, decisions against the queue state -> moderation-decisions,
 * enforcement-actions, queue.senior; both -> audit-log. Items and commands are keyed by chat, so one task holds an
 * item, its claims and its decision, and applies its commands in order, without repartition.
 */
public final class SinkTopology {

    private final QueueRouting routing;
    private final NoticeEvidence notices;
    private final String appealsQueue;
    private final QueueState state;
    private final CommandDecider decider;
    private final SlaClock sla;
    private final Duration keepDecided;
    private final MeterRegistry registry;
    private final Clock clock;

    public SinkTopology(QueueRouting routing, NoticeEvidence notices, String appealsQueue, QueueState state, CommandDecider decider,
                        SlaClock sla, Duration keepDecided, MeterRegistry registry, Clock clock) {
        this.routing = routing;
        this.notices = notices;
        this.appealsQueue = appealsQueue;
        this.state = state;
        this.decider = decider;
        this.sla = sla;
        this.keepDecided = keepDecided;
        this.registry = registry;
        this.clock = clock;
    }

    public Topology build() {
        StringSerializer keys = new StringSerializer();
        TopicNameExtractor<String, QueueItem> queueTopic = (chat, item, context) -> Topics.queue(item.getQueue()).name();
        return new Topology()
                .addSource("risk-assessments-source", new StringDeserializer(), AvroSerde.of(RiskAssessment.class),
                        Topics.RISK_ASSESSMENTS.name())
                .addProcessor("route-to-queue", () -> new RouteToQueue(routing), "risk-assessments-source")
                .addSource("notices-source", new StringDeserializer(), AvroSerde.of(Notice.class), Topics.NOTICES.name())
                .addProcessor("record-notice", () -> new NoticeRecording(notices, registry, clock), "notices-source")
                .addSource("appeal-items-source", new StringDeserializer(), AvroSerde.of(QueueItem.class), Topics.queue(appealsQueue).name())
                .addSink("queue-sink", queueTopic, keys, AvroSerde.of(QueueItem.class), "route-to-queue", "record-notice")
                .addProcessor("record-queue-item", () -> new QueueItemRecording(state, sla, decider, keepDecided, registry, clock),
                        "route-to-queue", "record-notice", "appeal-items-source")

                .addSource("commands-source", new StringDeserializer(), AvroSerde.of(ModerationCommand.class),
                        Topics.MODERATION_COMMANDS.name())
                .addProcessor("validate-command", CommandValidation::new, "commands-source")
                .addProcessor("handle-command", () -> new CommandHandling(decider, registry, clock), "validate-command")
                .addSink(CommandHandling.DECISIONS, Topics.MODERATION_DECISIONS.name(), keys,
                        untyped(AvroSerde.of(ModerationDecision.class)), "handle-command")
                .addSink(CommandHandling.ENFORCEMENT, Topics.ENFORCEMENT_ACTIONS.name(), keys,
                        untyped(AvroSerde.of(EnforcementAction.class)), "handle-command")

                .addSink(CommandHandling.ESCALATED_ITEMS, untypedExtractor(queueTopic), keys, untyped(AvroSerde.of(QueueItem.class)),
                        "handle-command", "record-queue-item")
                .addSink(CommandHandling.AUDIT, Topics.AUDIT_LOG.name(), keys, untyped(AvroSerde.of(AuditRecord.class)),
                        "handle-command", "record-queue-item")

                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueState.STORE),
                        Serdes.String(), AvroSerde.of(QueueEntry.class)), "record-queue-item", "handle-command", "record-notice")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueState.OUTCOMES),
                        Serdes.String(), AvroSerde.of(CommandOutcome.class)), "handle-command");
    }

    /** The processors forward several contracts to their sinks by name; each sink serializes its own. */
    @SuppressWarnings("unchecked")
    private static Serializer<Object> untyped(Serializer<?> serializer) {
        return (Serializer<Object>) serializer;
    }

    @SuppressWarnings("unchecked")
    private static TopicNameExtractor<String, Object> untypedExtractor(TopicNameExtractor<String, QueueItem> extractor) {
        return (TopicNameExtractor<String, Object>) (TopicNameExtractor<String, ?>) extractor;
    }
}
