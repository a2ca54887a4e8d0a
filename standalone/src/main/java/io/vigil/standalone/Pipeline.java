package io.vigil.standalone;

import io.vigil.compliance.ComplianceApp;
import io.vigil.compliance.ComplianceConfig;
import io.vigil.detector.DetectorApp;
import io.vigil.detector.DetectorConfig;
import io.vigil.enricher.EnricherApp;
import io.vigil.enricher.EnricherConfig;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.sink.SinkApp;
import io.vigil.sink.SinkConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four services in this process, against one Kafka cluster: the embedded default. Each service keeps its own
 * Kafka Streams application, configuration, state and HTTP port, exactly as it does in its own container; only the
 * JVM is shared, which keeps the demo to one command and one process to stop.
 */
public final class Pipeline implements AutoCloseable {

    /** @param doxxingSecret the deployment's secret for keyed hashes of personal data (at least 16 bytes) */
    public record Settings(String bootstrapServers, Path dataDir, int partitions, String httpHost,
                           int detectorPort, int enricherPort, int sinkPort, int compliancePort, String doxxingSecret) {

        /** The compliance service on any free port. */
        public Settings(String bootstrapServers, Path dataDir, int partitions, String httpHost,
                        int detectorPort, int enricherPort, int sinkPort, String doxxingSecret) {
            this(bootstrapServers, dataDir, partitions, httpHost, detectorPort, enricherPort, sinkPort, 0, doxxingSecret);
        }
    }

    private final List<ServiceRunner<?>> running = new ArrayList<>();
    private final ServiceRunner<DetectorConfig> detector;
    private final ServiceRunner<EnricherConfig> enricher;
    private final ServiceRunner<SinkConfig> sink;
    private final ServiceRunner<ComplianceConfig> compliance;

    private Pipeline(Settings settings) {
        Path blobs = settings.dataDir().resolve("blobs").toAbsolutePath();
        try {
            detector = started(ServiceRunner.start(new DetectorApp(), loader("detector", settings, settings.detectorPort())
                    .override("media.blob-root", blobs.toString())
                    .override("doxxing.hmac-secret", settings.doxxingSecret()).load(DetectorConfig.class)));
            enricher = started(ServiceRunner.start(new EnricherApp(), loader("enricher", settings, settings.enricherPort())
                    .load(EnricherConfig.class)));
            sink = started(ServiceRunner.start(new SinkApp(), loader("sink", settings, settings.sinkPort())
                    .override("media.blob-root", blobs.toString()).load(SinkConfig.class)));
            compliance = started(ServiceRunner.start(new ComplianceApp(), loader("compliance", settings, settings.compliancePort())
                    .override("media.blob-root", blobs.toString()).load(ComplianceConfig.class)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Pipeline start(Settings settings) {
        return new Pipeline(settings);
    }

    private <T extends ServiceRunner<?>> T started(T runner) {
        running.add(runner);
        return runner;
    }

    private static ConfigLoader loader(String service, Settings settings, int port) {
        return ConfigLoader.forService(service).strictEnvironment(false)
                .override("kafka.bootstrap-servers", settings.bootstrapServers())
                .override("kafka.state-dir", settings.dataDir().resolve("state").resolve(service).toAbsolutePath().toString())
                .override("kafka.chat-partitions", Integer.toString(settings.partitions()))
                .override("kafka.replication-factor", "1")
                .override("kafka.create-topics", "true")
                .override("http.host", settings.httpHost())
                .override("http.port", Integer.toString(port));
    }

    public ServiceRunner<DetectorConfig> detector() {
        return detector;
    }

    public ServiceRunner<EnricherConfig> enricher() {
        return enricher;
    }

    public ServiceRunner<SinkConfig> sink() {
        return sink;
    }

    public ServiceRunner<ComplianceConfig> compliance() {
        return compliance;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        running.clear();
    }
}
