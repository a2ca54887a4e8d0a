package io.vigil.enricher;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.enricher.scoring.RiskScorer;
import io.vigil.enricher.steps.EvidenceExtraction;
import io.vigil.enricher.steps.RiskAssessmentStep;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.runtime.validation.GroupMetadataValidation;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The enricher service: puts each detection in its group's context and scores it. */
public final class EnricherApp implements StreamsApplication<EnricherConfig> {

    @Override
    public String name() {
        return "enricher";
    }

    @Override
    public Topology topology(EnricherConfig config, MeterRegistry registry) {
        return new EnricherTopology(new RiskAssessmentStep(new EvidenceExtraction(config.scoring().nudity()), new RiskScorer(config.scoring()),
                Clock.systemUTC()), new GroupMetadataValidation(), config.kafka().maxRecordBytes()).build();
    }

    @Override
    public List<TopicSpec> topics(EnricherConfig config) {
        return List.of(Topics.DETECTIONS, Topics.GROUP_METADATA, Topics.RISK_ASSESSMENTS, Topics.DEAD_LETTERS);
    }

    /** Runs the enricher with defaults, an optional YAML file as the first argument, and VIGIL_* variables. */
    public static void main(String[] args) {
        ConfigLoader loader = ConfigLoader.forService("enricher");
        if (args.length > 0) {
            loader.file(Path.of(args[0]));
        }
        ServiceRunner.runUntilShutdown(new EnricherApp(), loader.load(EnricherConfig.class));
    }
}
