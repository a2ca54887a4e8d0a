package io.vigil.standalone;

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
 * The three services in this process, against one Kafka cluster, with the demo's identity provider: the embedded
 * default. Each service keeps its own Kafka Streams application, configuration, state and HTTP port, exactly as it
 * does in its own container; only the JVM is shared, which keeps the demo to one command and one process to stop.
 * The sink validates the demo issuer's tokens as it would a real provider's (discovery, JWKS, issuer, audience).
 */
public final class Pipeline implements AutoCloseable {

    /**
     * @param doxxingSecret the deployment's secret for keyed hashes of personal data (at least 16 bytes)
     * @param issuerPort    the demo identity provider's port (0: any free port)
     */
    public record Settings(String bootstrapServers, Path dataDir, int partitions, String httpHost,
                           int detectorPort, int enricherPort, int sinkPort, int issuerPort, String doxxingSecret) {
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final DemoIssuer issuer;
    private final ServiceRunner<DetectorConfig> detector;
    private final ServiceRunner<EnricherConfig> enricher;
    private final ServiceRunner<SinkConfig> sink;

    private Pipeline(Settings settings, Map<String, String> overrides, Map<String, String> enricherSettings) {
        Path blobs = settings.dataDir().resolve("blobs").toAbsolutePath();
        int sinkPort = settings.sinkPort() == 0 ? freePort(settings.httpHost()) : settings.sinkPort();
        try {
            Set<String> pageAddresses = new LinkedHashSet<>(List.of("http://" + settings.httpHost() + ":" + sinkPort + "/index.html"));
            if (settings.httpHost().equals("127.0.0.1")) {
                pageAddresses.add("http://localhost:" + sinkPort + "/index.html");
            }
            issuer = started(DemoIssuer.start(settings.dataDir().resolve("identity"), settings.httpHost(), settings.issuerPort(), pageAddresses));
            detector = started(ServiceRunner.start(new DetectorApp(), loader("detector", settings, settings.detectorPort(), overrides)
                    .override("media.blob-root", blobs.toString())
                    .override("doxxing.hmac-secret", settings.doxxingSecret()).load(DetectorConfig.class)));
            ConfigLoader enricherConfig = loader("enricher", settings, settings.enricherPort(), overrides);
            enricherSettings.forEach(enricherConfig::override);
            enricher = started(ServiceRunner.start(new EnricherApp(), enricherConfig.load(EnricherConfig.class)));
            sink = started(ServiceRunner.start(new SinkApp(), loader("sink", settings, sinkPort, overrides)
                    .override("media.blob-root", blobs.toString())
                    .override("auth.oidc.issuer", issuer.issuer())
                    .override("auth.oidc.audience", DemoIssuer.AUDIENCE)
                    .override("auth.oidc.client-id", DemoIssuer.CLIENT_ID)
                    .override("auth.peer-secret", DemoSecret.readOrCreate(settings.dataDir().resolve("peer-secret")))
                    .load(SinkConfig.class)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Pipeline start(Settings settings) {
        return new Pipeline(settings, Map.of(), Map.of());
    }

    /** With settings of the enricher overridden (its policy file, say), as {@code --set key=value} would. */
    public static Pipeline start(Settings settings, Map<String, String> enricherSettings) {
        return new Pipeline(settings, Map.of(), enricherSettings);
    }

    /** With settings that every service has (kafka.num-stream-threads, say) set for all three. */
    public static Pipeline startWithEveryService(Settings settings, Map<String, String> overrides) {
        return new Pipeline(settings, overrides, Map.of());
    }

    private <T extends AutoCloseable> T started(T service) {
        running.add(service);
        return service;
    }

    private static ConfigLoader loader(String service, Settings settings, int port, Map<String, String> overrides) {
        ConfigLoader loader = ConfigLoader.forService(service).strictEnvironment(false);
        overrides.forEach(loader::override);
        return loader
                .override("kafka.bootstrap-servers", settings.bootstrapServers())
                .override("kafka.state-dir", settings.dataDir().resolve("state").resolve(service).toAbsolutePath().toString())
                .override("kafka.chat-partitions", Integer.toString(settings.partitions()))
                .override("kafka.replication-factor", "1")
                .override("kafka.create-topics", "true")
                .override("http.host", settings.httpHost())
                .override("http.port", Integer.toString(port));
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

    public ServiceRunner<DetectorConfig> detector() {
        return detector;
    }

    public ServiceRunner<EnricherConfig> enricher() {
        return enricher;
    }

    public ServiceRunner<SinkConfig> sink() {
        return sink;
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
