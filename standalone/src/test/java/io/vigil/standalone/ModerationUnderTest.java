package io.vigil.standalone;

import io.vigil.compliance.ComplianceApp;
import io.vigil.compliance.ComplianceConfig;
import io.vigil.enricher.EnricherApp;
import io.vigil.enricher.EnricherConfig;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.sink.SinkApp;
import io.vigil.sink.SinkConfig;
import io.vigil.standalone.embedded.EmbeddedKafka;
import io.vigil.standalone.identity.DemoIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * A real broker, the demo's identity provider, the sink and the compliance service, both validating its tokens, and
 * the enricher (whose stay-down an appeal's reversal withdraws): what the tests of notices, appeals and CyberTipline
 * reviews run against, end to end. Assessments are written by the tests, so the enricher sees only decisions.
 */
final class ModerationUnderTest implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static final String PEER_SECRET = "peer-secret-of-the-moderation-tests-0123";

    final EmbeddedKafka kafka;
    final DemoIssuer issuer;
    final ServiceRunner<EnricherConfig> enricher;
    final ServiceRunner<SinkConfig> sink;
    final ServiceRunner<ComplianceConfig> compliance;
    final KafkaTopics topics;
    final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ModerationUnderTest(Path dataDir, UnaryOperator<ConfigLoader> complianceSettings) throws Exception {
        this.dataDir = dataDir;
        Files.createDirectories(dataDir.resolve("blobs/demo"));
        kafka = EmbeddedKafka.start(dataDir, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, io.vigil.schemas.topics.Topics.all(List.of("csam", "urgent", "ncii", "doxxing", "review", "senior",
                    "appeals")), 2, (short) 1);
        }
        issuer = DemoIssuer.start(dataDir.resolve("identity"), "127.0.0.1", 0, Set.of("http://127.0.0.1/index.html"));
        enricher = ServiceRunner.start(new EnricherApp(), streaming(ConfigLoader.forService("enricher"), "enricher").load(EnricherConfig.class));
        sink = ServiceRunner.start(new SinkApp(), signedIn(ConfigLoader.forService("sink"), "sink")
                .override("media.blob-root", dataDir.resolve("blobs").toString()).load(SinkConfig.class));
        compliance = ServiceRunner.start(new ComplianceApp(), complianceSettings.apply(signedIn(ConfigLoader.forService("compliance"), "compliance")
                .override("media.blob-root", dataDir.resolve("blobs").toString())).load(ComplianceConfig.class));
        topics = new KafkaTopics(kafka.bootstrapServers());
        await().atMost(TIMEOUT).until(() -> sink.streams().state() == KafkaStreams.State.RUNNING
                && compliance.streams().state() == KafkaStreams.State.RUNNING && enricher.streams().state() == KafkaStreams.State.RUNNING);
    }

    private ConfigLoader streaming(ConfigLoader loader, String name) {
        return loader.environment(Map.of())
                .override("kafka.bootstrap-servers", kafka.bootstrapServers())
                .override("kafka.state-dir", dataDir.resolve("state-" + name).toString())
                .override("kafka.chat-partitions", "2")
                .override("kafka.replication-factor", "1")
                .override("http.host", "127.0.0.1")
                .override("http.port", "0");
    }

    private ConfigLoader signedIn(ConfigLoader loader, String name) {
        return streaming(loader, name)
                .override("auth.oidc.issuer", issuer.issuer())
                .override("auth.oidc.audience", DemoIssuer.AUDIENCE)
                .override("auth.peer-secret", PEER_SECRET);
    }

    /** A token of the demo issuer for this subject and roles. */
    String token(String subject, String... roles) {
        return issuer.minter().accessToken(subject, List.of(roles), DemoIssuer.AUDIENCE, Instant.now(), Duration.ofMinutes(30));
    }

    HttpResponse<String> get(ServiceRunner<?> service, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(ServiceRunner<?> service, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        compliance.close();
        sink.close();
        enricher.close();
        issuer.close();
        kafka.close();
    }
}
