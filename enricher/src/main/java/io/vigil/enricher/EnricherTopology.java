package io.vigil.enricher;

import io.vigil.enricher.steps.DetectionInGroup;
import io.vigil.enricher.steps.RiskAssessmentStep;
import io.vigil.runtime.streams.GuardedTable;
import io.vigil.runtime.streams.OutputBound;
import io.vigil.runtime.validation.GroupMetadataValidation;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.KTable;

/**
 * group-metadata -> validate -> table; detections -> join group (no repartition: both keyed by chat) -> score -> encode
 * within the record limit -> risk-assessments.
 */
public final class EnricherTopology {

    public static final String GROUP_STORE = "group-metadata-store";

    private final RiskAssessmentStep assessment;
    private final GroupMetadataValidation groupValidation;
    private final int maxRecordBytes;

    /** With the default record limit (kafka.max-record-bytes' default), for tests. */
    public EnricherTopology(RiskAssessmentStep assessment) {
        this(assessment, new GroupMetadataValidation(), 1_000_000);
    }

    /** @param maxRecordBytes largest risk assessment written (kafka.max-record-bytes); a larger one is a dead letter */
    public EnricherTopology(RiskAssessmentStep assessment, GroupMetadataValidation groupValidation, int maxRecordBytes) {
        this.assessment = assessment;
        this.groupValidation = groupValidation;
        this.maxRecordBytes = maxRecordBytes;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<GroupMetadata> groupSerde = AvroSerde.of(GroupMetadata.class);

        // Only validated group metadata is kept, and restored after a restart from the table's own changelog.
        KTable<String, GroupMetadata> groups = GuardedTable.of(builder, Topics.GROUP_METADATA.name(), groupSerde,
                groupValidation::check, GROUP_STORE, "group-metadata");

        builder.stream(Topics.DETECTIONS.name(), Consumed.with(Serdes.String(), AvroSerde.of(Detection.class)).withName("detections-source"))
                .leftJoin(groups, DetectionInGroup::join,
                        Joined.<String, Detection, GroupMetadata>with(Serdes.String(), null, groupSerde).withName("join-group"))
                .mapValues(assessment::assess, Named.as("assess-risk"))
                .mapValues(OutputBound.encode(AvroSerde.of(RiskAssessment.class), Topics.RISK_ASSESSMENTS.name(), maxRecordBytes),
                        Named.as("encode-risk-assessment"))
                .to(Topics.RISK_ASSESSMENTS.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("risk-assessments-sink"));

        return builder.build();
    }
}
