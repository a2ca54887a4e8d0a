package io.vigil.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.runtime.streams.OutputBound;
import io.vigil.sink.steps.DecisionRecording;
import io.vigil.sink.steps.DecisionValidation;
import io.vigil.sink.steps.QueueItemRecording;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.time.Duration;

/**
 * risk-assessments -> route by policy -> queue.&lt;name&gt; and the queue state; moderation-decisions -> queue state.
 * Items and decisions are both keyed by chat, so one task holds an item and its decision without repartition.
 */
public final class SinkTopology {

    private final QueueRouting routing;
    private final QueueState state;
    private final Duration keepDecided;
    private final MeterRegistry registry;
    private final Clock clock;
    private final int maxRecordBytes;

    /** @param maxRecordBytes largest queue item written (kafka.max-record-bytes); a larger one is a dead letter */
    public SinkTopology(QueueRouting routing, QueueState state, Duration keepDecided, MeterRegistry registry, Clock clock,
                        int maxRecordBytes) {
        this.routing = routing;
        this.state = state;
        this.keepDecided = keepDecided;
        this.registry = registry;
        this.clock = clock;
        this.maxRecordBytes = maxRecordBytes;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<QueueItem> itemSerde = AvroSerde.of(QueueItem.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QueueState.STORE), Serdes.String(), AvroSerde.of(QueueEntry.class)));

        KStream<String, QueueItem> items = builder.stream(Topics.RISK_ASSESSMENTS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(RiskAssessment.class)).withName("risk-assessments-source"))
                .flatMapValues(routing::route, Named.as("route-to-queue"))
                .mapValues(OutputBound.check(itemSerde, "queue", maxRecordBytes), Named.as("bound-queue-item"));
        items.to((chat, item, context) -> Topics.queue(item.getQueue()).name(),
                Produced.with(Serdes.String(), itemSerde).withName("queue-sink"));
        items.process(() -> new QueueItemRecording(state, keepDecided, clock), Named.as("record-queue-item"), QueueState.STORE);

        builder.stream(Topics.MODERATION_DECISIONS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(ModerationDecision.class)).withName("decisions-source"))
                .mapValues(new DecisionValidation()::check, Named.as("validate-decision"))
                .process(() -> new DecisionRecording(registry, clock), Named.as("record-decision"), QueueState.STORE);

        return builder.build();
    }
}
