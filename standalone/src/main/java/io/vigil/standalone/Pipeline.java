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
import io.vigil.standalone.demo.DemoSecret;
import io.vigil.standalone.identity.DemoIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four services in this process, against one Kafka cluster, with the demo's identity provider: the embedded
 * default. Each service keeps its own Kafka Streams application, configuration, state and HTTP port, exactly as it
 * does in its own container; only the JVM is shared, which keeps the demo to one command and one process to stop.
 * The sink and the compliance service validate the demo issuer's tokens as they would a real provider's (discovery,
 * JWKS, issuer, audience).
 */
public final class Pipeline implements AutoCloseable {

    /**
     * @param doxxingSecret the deployment's secret for keyed hashes of personal data (at least 16 bytes)
     * @param issuerPort    the demo identity provider's port (0: any free port)
     */
    public record Settings(String bootstrapServers, Path dataDir, int partitions, String httpHost,
                           int detectorPort, int enricherPort, int sinkPort, int issuerPort, int compliancePort, String doxxingSecret) {

        /** The compliance service on any free port. */
        public Settings(String bootstrapServers, Path dataDir, int partitions, String httpHost,
                        int detectorPort, int enricherPort, int sinkPort, int issuerPort, String doxxingSecret) {
            this(bootstrapServers, dataDir, partitions, httpHost, detectorPort, enricherPort, sinkPort, issuerPort, 0, doxxingSecret);
        }
    }

    /**
     * Configuration of the services beyond what the pipeline sets itself: a YAML file per service and single settings
     * per service, as {@code vigil detector --config FILE --set key=value} takes them (what a backtest varies).
     */
    public record ServiceOverrides(Map<String, Path> files, Map<String, Map<String, String>> settings) {
        public static final ServiceOverrides NONE = new ServiceOverrides(Map.of(), Map.of());

        public ConfigLoader apply(String service, ConfigLoader loader) {
            loader.file(files.get(service));
            settings.getOrDefault(service, Map.of()).forEach(loader::override);
            return loader;
        }
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final DemoIssuer issuer;
    private final ServiceRunner<DetectorConfig> detector;
    private final ServiceRunner<EnricherConfig> enricher;
    private final ServiceRunner<SinkConfig> sink;
    private final ServiceRunner<ComplianceConfig> compliance;
    private final Map<String, String> applicationIds;

    private Pipeline(Settings settings, ServiceOverrides overrides) {
        Path blobs = settings.dataDir().resolve("blobs").toAbsolutePath();
        int sinkPort = settings.sinkPort() == 0 ? freePort(settings.httpHost()) : settings.sinkPort();
        try {
            Set<String> pageAddresses = new LinkedHashSet<>(List.of("http://" + settings.httpHost() + ":" + sinkPort + "/index.html"));
            if (settings.httpHost().equals("127.0.0.1")) {
                pageAddresses.add("http://localhost:" + sinkPort + "/index.html");
            }
            issuer = started(DemoIssuer.start(settings.dataDir().resolve("identity"), settings.httpHost(), settings.issuerPort(), pageAddresses));
            // Every configuration is checked before any service starts, so a mistake in one stops nothing half-way.
            DetectorConfig detectorConfig = loader("detector", settings, settings.detectorPort(), overrides)
                    .override("media.blob-root", blobs.toString())
                    .override("doxxing.hmac-secret", settings.doxxingSecret()).load(DetectorConfig.class);
            EnricherConfig enricherConfig = loader("enricher", settings, settings.enricherPort(), overrides).load(EnricherConfig.class);
            String peerSecret = DemoSecret.readOrCreate(settings.dataDir().resolve("peer-secret"));
            SinkConfig sinkConfig = signedIn(loader("sink", settings, sinkPort, overrides), peerSecret)
                    .override("media.blob-root", blobs.toString())
                    .override("auth.oidc.client-id", DemoIssuer.CLIENT_ID)
                    .load(SinkConfig.class);
            ComplianceConfig complianceConfig = signedIn(loader("compliance", settings, settings.compliancePort(), overrides), peerSecret)
                    .override("media.blob-root", blobs.toString())
                    .load(ComplianceConfig.class);
            applicationIds = Map.of("detector", detectorConfig.kafka().applicationId(), "enricher", enricherConfig.kafka().applicationId(),
                    "sink", sinkConfig.kafka().applicationId(), "compliance", complianceConfig.kafka().applicationId());
            detector = started(ServiceRunner.start(new DetectorApp(), detectorConfig));
            enricher = started(ServiceRunner.start(new EnricherApp(), enricherConfig));
            sink = started(ServiceRunner.start(new SinkApp(), sinkConfig));
            compliance = started(ServiceRunner.start(new ComplianceApp(), complianceConfig));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Pipeline start(Settings settings) {
        return new Pipeline(settings, ServiceOverrides.NONE);
    }

    /** Starts the services with these files and settings; the pipeline's own (cluster, ports, state) still apply. */
    public static Pipeline start(Settings settings, ServiceOverrides overrides) {
        return new Pipeline(settings, overrides);
    }

    /** With settings of the enricher overridden (its policy file, say), as {@code --set key=value} would. */
    public static Pipeline start(Settings settings, Map<String, String> enricherSettings) {
        return new Pipeline(settings, new ServiceOverrides(Map.of(), Map.of("enricher", enricherSettings)));
    }

    /** With settings that every service has (kafka.num-stream-threads, say) set for all four. */
    public static Pipeline startWithEveryService(Settings settings, Map<String, String> overrides) {
        Map<String, Map<String, String>> everyService = new java.util.HashMap<>();
        for (String service : List.of("detector", "enricher", "sink", "compliance")) {
            everyService.put(service, overrides);
        }
        return new Pipeline(settings, new ServiceOverrides(Map.of(), everyService));
    }

    private <T extends AutoCloseable> T started(T service) {
        running.add(service);
        return service;
    }

    private static ConfigLoader loader(String service, Settings settings, int port, ServiceOverrides overrides) {
        return overrides.apply(service, ConfigLoader.forService(service).strictEnvironment(false))
                .override("kafka.bootstrap-servers", settings.bootstrapServers())
                .override("kafka.state-dir", settings.dataDir().resolve("state").resolve(service).toAbsolutePath().toString())
                .override("kafka.chat-partitions", Integer.toString(settings.partitions()))
                .override("kafka.replication-factor", "1")
                .override("kafka.create-topics", "true")
                .override("http.host", settings.httpHost())
                .override("http.port", Integer.toString(port));
    }

    /** The demo issuer's tokens (one audience for the demo's APIs) and the instances' shared secret. */
    private ConfigLoader signedIn(ConfigLoader loader, String peerSecret) {
        return loader.override("auth.oidc.issuer", issuer.issuer())
                .override("auth.oidc.audience", DemoIssuer.AUDIENCE)
                .override("auth.peer-secret", peerSecret);
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    public DemoIssuer issuer() {
        return issuer;
    }

    /** The Kafka Streams application id (its consumer group) of a service: detector, enricher, sink or compliance. */
    public String applicationId(String service) {
        String id = applicationIds.get(service);
        if (id == null) {
            throw new IllegalArgumentException("no service " + service + " in the pipeline");
        }
        return id;
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
            try {
                running.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the demo failed", e);
            }
        }
        running.clear();
    }
}
