package io.vigil.enricher;

import io.vigil.enricher.steps.DetectionInGroup;
import io.vigil.enricher.steps.RiskAssessmentStep;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.KTable;

import java.util.Properties;

/**
 * group-metadata -> table; detections -> join group (no repartition: both keyed by chat) -> score -> risk-assessments.
 */
public final class EnricherTopology {

    public static final String GROUP_STORE = "group-metadata-store";

    private final RiskAssessmentStep assessment;

    public EnricherTopology(RiskAssessmentStep assessment) {
        this.assessment = assessment;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<GroupMetadata> groupSerde = AvroSerde.of(GroupMetadata.class);

        KTable<String, GroupMetadata> groups = builder.table(Topics.GROUP_METADATA.name(),
                Consumed.with(Serdes.String(), groupSerde).withName("group-metadata-source"),
                Materialized.<String, GroupMetadata, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(GROUP_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(groupSerde));

        builder.stream(Topics.DETECTIONS.name(), Consumed.with(Serdes.String(), AvroSerde.of(Detection.class)).withName("detections-source"))
                .leftJoin(groups, DetectionInGroup::join,
                        Joined.<String, Detection, GroupMetadata>with(Serdes.String(), null, groupSerde).withName("join-group"))
                .mapValues(assessment::assess, Named.as("assess-risk"))
                .to(Topics.RISK_ASSESSMENTS.name(), Produced.with(Serdes.String(), AvroSerde.of(RiskAssessment.class))
                        .withName("risk-assessments-sink"));

        // The group table is restored from its compacted source topic rather than from a changelog copy of it.
        Properties optimization = new Properties();
        optimization.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        return builder.build(optimization);
    }
}
