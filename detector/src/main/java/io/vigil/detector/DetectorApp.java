package io.vigil.detector;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.banks.BankIndex;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.detector.steps.TextScanning;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.streams.Topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The detector service: reads message events, writes one Detection per message. */
public final class DetectorApp implements StreamsApplication<DetectorConfig> {

    @Override
    public String name() {
        return "detector";
    }

    @Override
    public Topology topology(DetectorConfig config, MeterRegistry registry) {
        DetectorMetrics metrics = new DetectorMetrics(registry);
        BankIndex banks = new BankIndex();
        DoxxingDetector doxxing = DoxxingDetector.create(doxxingPolicy(config.doxxing()));
        return new DetectorTopology(new DetectorSteps(
                new MessageValidation(config.media().maxMediaPerMessage()),
                new MediaFetching(new BlobStore(Path.of(config.media().blobRoot()), config.media().maxBlobBytes()), metrics),
                new MediaHashing(),
                new BankMatching(banks, metrics),
                new TextScanning(doxxing, registry),
                new DetectionAssembly(Clock.systemUTC()),
                banks,
                doxxing.config().imageWindow(),
                metrics)).build();
    }

    static DoxxingConfig doxxingPolicy(DetectorConfig.Doxxing settings) {
        byte[] secret = settings.hmacSecret().getBytes(StandardCharsets.UTF_8);
        return settings.policyFile() == null || settings.policyFile().isBlank()
                ? DoxxingConfig.defaults(secret)
                : DoxxingConfig.load(Path.of(settings.policyFile()), secret);
    }

    @Override
    public List<TopicSpec> topics(DetectorConfig config) {
        return List.of(Topics.MESSAGE_EVENTS, Topics.GROUP_METADATA, Topics.HASH_BANK, Topics.HASH_BANK_ACCEPTED, Topics.DETECTIONS,
                Topics.DEAD_LETTERS);
    }

    /** Runs the detector with defaults, an optional YAML file as the first argument, and VIGIL_* variables. */
    public static void main(String[] args) {
        ConfigLoader loader = ConfigLoader.forService("detector");
        if (args.length > 0) {
            loader.file(Path.of(args[0]));
        }
        ServiceRunner.runUntilShutdown(new DetectorApp(), loader.load(DetectorConfig.class));
    }
}
