package io.vigil.standalone;

import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.SinkApp;
import io.vigil.sink.SinkConfig;
import io.vigil.standalone.demo.DemoImages;
import io.vigil.standalone.embedded.EmbeddedKafka;
import io.vigil.standalone.identity.DemoIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import java.net.InetAddress;
import java.net.ServerSocket;
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

import static org.awaitility.Awaitility.await;

/**
 * A real broker, the demo's identity provider and one sink (or two) that validates its tokens: what the moderation
 * workflow's HTTP and browser tests run against. Work arrives as risk assessments on their topic, carrying the
 * network context (case, cluster, lineage) the enricher adds.
 */
final class SinkUnderTest implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static final String PEER_SECRET = "peer-secret-of-the-test-sinks-0123456789";
    static final byte[] PHOTO = DemoImages.photos(1, 5).get(0).bytes();

    final EmbeddedKafka kafka;
    final DemoIssuer issuer;
    final ServiceRunner<SinkConfig> sink;
    final KafkaTopics topics;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SinkUnderTest(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    /** @param settings sink settings over the test's (dotted paths, e.g. work.decisions-per-minute) */
    SinkUnderTest(Path dataDir, Map<String, String> settings) throws Exception {
        this.dataDir = dataDir;
        Files.createDirectories(dataDir.resolve("blobs/demo"));
        kafka = EmbeddedKafka.start(dataDir, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(List.of("csam", "urgent", "ncii", "doxxing", "review", "senior")), 2, (short) 1);
        }
        int port = freePort();
        issuer = DemoIssuer.start(dataDir.resolve("identity"), "127.0.0.1", 0, Set.of("http://127.0.0.1:" + port + "/index.html"));
        sink = startSink("a", port, settings);
        topics = new KafkaTopics(kafka.bootstrapServers());
        await().atMost(TIMEOUT).until(() -> sink.streams().state() == KafkaStreams.State.RUNNING);
    }

    ServiceRunner<SinkConfig> startSink(String name, int port) {
        return startSink(name, port, Map.of());
    }

    ServiceRunner<SinkConfig> startSink(String name, int port, Map<String, String> settings) {
        ConfigLoader config = ConfigLoader.forService("sink").environment(Map.of())
                .override("kafka.bootstrap-servers", kafka.bootstrapServers())
                .override("kafka.state-dir", dataDir.resolve("state-" + name).toString())
                .override("kafka.chat-partitions", "2")
                .override("kafka.replication-factor", "1")
                .override("http.host", "127.0.0.1")
                .override("http.port", Integer.toString(port))
                .override("media.blob-root", dataDir.resolve("blobs").toString())
                .override("auth.oidc.issuer", issuer.issuer())
                .override("auth.oidc.audience", DemoIssuer.AUDIENCE)
                .override("auth.peer-secret", PEER_SECRET);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            config = config.override(setting.getKey(), setting.getValue());
        }
        return ServiceRunner.start(new SinkApp(), config.load(SinkConfig.class));
    }

    String page() {
        return "http://127.0.0.1:" + sink.httpPort();
    }

    /** A token of the demo issuer for this subject and roles. */
    String token(String subject, String... roles) {
        return issuer.minter().accessToken(subject, List.of(roles), DemoIssuer.AUDIENCE, Instant.now(), Duration.ofMinutes(30));
    }

    /** Writes the media an assessment references and the assessment itself, then waits until the sink holds the item. */
    void assess(RiskAssessment assessment) throws Exception {
        Files.write(dataDir.resolve("blobs/demo/" + assessment.getMessageId() + ".jpg"), PHOTO);
        topics.send(Topics.RISK_ASSESSMENTS.name(), new StringSerializer(), AvroSerde.of(RiskAssessment.class),
                assessment.getChatId(), assessment);
        String itemId = assessment.getPlatform() + ":" + assessment.getChatId() + ":" + assessment.getMessageId();
        String token = token("fixture", "admin");
        await().atMost(TIMEOUT).until(() -> get("/api/cases", token).body().contains(itemId));
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        sink.close();
        issuer.close();
        kafka.close();
    }
}
