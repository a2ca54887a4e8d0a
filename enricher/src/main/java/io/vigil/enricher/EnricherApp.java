package io.vigil.enricher;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.enricher.policy.PolicyParser;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.runtime.validation.GroupMetadataValidation;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The enricher service: puts each detection in its group's and the network's context and scores it by policy. */
public final class EnricherApp implements StreamsApplication<EnricherConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(EnricherApp.class);

    @Override
    public String name() {
        return "enricher";
    }

    @Override
    public Topology topology(EnricherConfig config, MeterRegistry registry) {
        Policy policy = PolicyParser.load(config.policy().file());
        LOG.info("scoring policy {} ({} rules, {} in shadow)", policy.label(), policy.rules().size(),
                policy.rules().stream().filter(r -> r.shadow()).count());
        EnricherConfig.Network network = config.network();
        return new EnricherTopology(new PolicyEvaluator(policy),
                new EnricherStores.ChatSettings(network.maxWaitMs(), network.profileSketchChanges()),
                new EnricherStores.NetworkSettings(policy, network.matching(), network.benignIdentifiers()),
                new EnricherMetrics(registry), Clock.systemUTC(), new GroupMetadataValidation(), config.kafka().maxRecordBytes()).build();
    }

    @Override
    public List<TopicSpec> topics(EnricherConfig config) {
        return List.of(Topics.DETECTIONS, Topics.GROUP_METADATA, Topics.GROUP_EVENTS, Topics.MODERATION_DECISIONS, Topics.NETWORK_REQUESTS,
                Topics.NETWORK_FACTS, Topics.GROUP_LINEAGE, Topics.HASH_BANK, Topics.RISK_ASSESSMENTS, Topics.DEAD_LETTERS);
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
