package io.vigil.standalone;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.health.HealthReport;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.CleanupPolicy;
import io.vigil.schemas.topics.Partitioning;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.SinkApp;
import io.vigil.sink.SinkConfig;
import io.vigil.standalone.commands.CliRun;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Health that tells the truth, on a real broker: a service never starts against topics that do not exist, `topics
 * create` makes the topics the sink's routing writes, a topic deleted under a running service and a poison record that
 * kills its stream thread again and again (and so stops its partition) both turn /health to 503, with the reason in
 * the body and a metric for each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path dataDir;

    private EmbeddedKafka kafka;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        kafka = EmbeddedKafka.start(dataDir, 0);
    }

    @AfterAll
    void stop() {
        kafka.close();
    }

    @Test
    void topicsCreateMakesAQueueTopicForEveryQueueOfTheSinksRouting() throws Exception {
        Path config = dataDir.resolve("sink.yaml");
        Files.writeString(config, """
                routing:
                  queues:
                    - {name: faces, priority: 0, min-score: 0.9, categories: []}
                    - {name: doxxing, priority: 1, min-score: 0.6, categories: [DOXXING]}
                notices:
                  queues: {CSAM: faces, NCII: faces, DOXXING: doxxing}
                  default-queue: faces
                auth:
                  peer-secret: health-test-peer-secret-0123456789abcdef
                  oidc:
                    issuer: https://id.example.org/realms/safety
                """);

        CliRun run = CliRun.of("topics", "create", "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "2",
                "--replication-factor", "1", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(topicNames()).contains("queue.faces", "queue.doxxing", "queue.senior", "queue.appeals", "message-events", "media-work",
                "dead-letters");
        assertThat(topicNames()).doesNotContain("queue.urgent");
    }

    @Test
    void aServiceThatDoesNotCreateTopicsRefusesToStartWhenOneItWritesIsMissingAndNamesIt() throws Exception {
        try (Admin admin = admin()) {
            // Every queue the sink writes but the new one: the default routing's, the seniors' escalation queue and appeals.
            TopicCreator.ensure(admin, Topics.all(List.of("urgent", "ncii", "review", "senior", "appeals")), 2, (short) 1);
        }
        Path routing = dataDir.resolve("routing-unseen.yaml");
        Files.writeString(routing, """
                routing:
                  queues:
                    - {name: urgent, priority: 0, min-score: 0.85, categories: []}
                    - {name: unseen, priority: 1, min-score: 0.6, categories: [DOXXING]}
                notices:
                  queues: {CSAM: urgent, NCII: urgent, DOXXING: unseen}
                  default-queue: urgent
                """);

        assertThatThrownBy(() -> ServiceRunner.start(new SinkApp(), sinkConfig("unseen", false, routing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sink reads or writes topics that do not exist: queue.unseen")
                .hasMessageContaining("vigil topics create");
    }

    @Test
    void aTopicDeletedUnderARunningServiceTurnsHealthDownWithItsName() throws Exception {
        try (ServiceRunner<SinkConfig> sink = ServiceRunner.start(new SinkApp(), sinkConfig("deleted", true))) {
            await().atMost(TIMEOUT).until(() -> sink.streams().state() == KafkaStreams.State.RUNNING && get(sink, "/health/ready").statusCode() == 200);
            try (Admin admin = admin()) {
                admin.deleteTopics(List.of("queue.review")).all().get(30, TimeUnit.SECONDS);
            }

            await().atMost(TIMEOUT).untilAsserted(() -> {
                HttpResponse<String> health = get(sink, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("missing topics: queue.review");
            });
            assertThat(get(sink, "/metrics").body()).contains("vigil_topics_missing{service=\"sink\"} 1.0");
            // Put it back for the other tests of this class.
            try (Admin admin = admin()) {
                TopicCreator.ensure(admin, List.of(Topics.queue("review")), 2, (short) 1);
            }
        }
    }

    @Test
    void aRecordThatKillsItsStreamThreadEveryTimeTurnsHealthDownNamingTheStuckPartition() throws Exception {
        try (Admin admin = admin()) {
            TopicCreator.ensure(admin, PoisonedService.TOPICS, 2, (short) 1);
        }
        try (ServiceRunner<PoisonedService.Config> service = ServiceRunner.start(new PoisonedService(), PoisonedService.config(kafka, dataDir))) {
            await().atMost(TIMEOUT).until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
            KafkaTopics topics = new KafkaTopics(kafka.bootstrapServers());
            topics.send(PoisonedService.IN, new StringSerializer(), new StringSerializer(), "k", "fine");
            topics.send(PoisonedService.IN, new StringSerializer(), new StringSerializer(), "k", PoisonedService.POISON);
            topics.send(PoisonedService.IN, new StringSerializer(), new StringSerializer(), "k", "fine too, but behind the poison");

            // The stream thread's death is the point here: Awaitility must not take it for the test's own failure.
            await().dontCatchUncaughtExceptions().atMost(TIMEOUT).untilAsserted(() -> {
                HealthReport report = service.health();
                assertThat(report.live()).isFalse();
                assertThat(report.reasons()).anyMatch(r -> r.startsWith("main: a stream thread failed ") && r.contains("(last error: "));
                assertThat(report.reasons()).anyMatch(r -> r.startsWith("main: partitions make no progress: poison-in-") && r.contains("records waiting"));
            });
            HttpResponse<String> health = get(service, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("partitions make no progress: poison-in-");
            assertThat(get(service, "/metrics").body()).contains("vigil_partitions_stalled{service=\"poisoned\",stage=\"main\"} 1.0")
                    .contains("vigil_health_live{service=\"poisoned\"} 0.0");
        }
    }

    private SinkConfig sinkConfig(String name, boolean createTopics) {
        return sinkConfig(name, createTopics, null);
    }

    private SinkConfig sinkConfig(String name, boolean createTopics, Path file) {
        return ConfigLoader.forService("sink").environment(Map.of()).file(file)
                .override("kafka.bootstrap-servers", kafka.bootstrapServers())
                .override("kafka.state-dir", dataDir.resolve("state-" + name).toString())
                .override("kafka.chat-partitions", "2")
                .override("kafka.replication-factor", "1")
                .override("kafka.create-topics", Boolean.toString(createTopics))
                .override("http.host", "127.0.0.1")
                .override("http.port", "0")
                .override("media.blob-root", dataDir.resolve("blobs").toString())
                .override("auth.oidc.issuer", "https://id.example.org/realms/safety")
                .override("auth.peer-secret", "health-test-peer-secret-0123456789abcdef")
                .load(SinkConfig.class);
    }

    private Set<String> topicNames() throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private HttpResponse<String> get(ServiceRunner<?> service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A service whose one step dies on one record with an Error, which no exception handler catches (as an
     * OutOfMemoryError would): the thread dies, is replaced, reads the same record, and dies again.
     */
    static final class PoisonedService implements StreamsApplication<PoisonedService.Config> {

        static final String IN = "poison-in";
        static final String OUT = "poison-out";
        static final String POISON = "poison";
        static final List<TopicSpec> TOPICS = List.of(topic(IN), topic(OUT), Topics.DEAD_LETTERS);

        record Config(KafkaSettings kafka, HttpSettings http) implements ServiceConfig {
            @Override
            public List<String> problems() {
                return List.of();
            }
        }

        static Config config(EmbeddedKafka kafka, Path dataDir) {
            return new Config(new KafkaSettings(kafka.bootstrapServers(), "poisoned", dataDir.resolve("state-poisoned").toString(),
                    1, 100, 5, 1, 1, false, 0, "", 10_000, 1_000_000, 5, "", Map.of()),
                    new HttpSettings("127.0.0.1", 0, ""));
        }

        private static TopicSpec topic(String name) {
            return new TopicSpec(name, "any", String.class, CleanupPolicy.DELETE, Optional.of(Duration.ofDays(1)),
                    Partitioning.BY_CHAT, "test");
        }

        @Override
        public String name() {
            return "poisoned";
        }

        @Override
        public Topology topology(Config config, MeterRegistry registry) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(IN, Consumed.with(Serdes.String(), Serdes.String()))
                    .mapValues(value -> {
                        if (POISON.equals(value)) {
                            throw new AssertionError("a step that dies on this record");
                        }
                        return value;
                    })
                    .to(OUT, Produced.with(Serdes.String(), Serdes.String()));
            return builder.build();
        }

        @Override
        public List<TopicSpec> topics(Config config) {
            return TOPICS;
        }
    }
}
