package io.vigil.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sink instances share the queue partitions; a moderator's page talking to either one sees every queue item,
 * counts every open item and previews the media of items the other instance holds; the instances ask each other
 * with the peer credential, and a moderator's token is checked by whichever instance the page talks to.
 */
class SinkScaleOutTest {

    private static final int CHATS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private DemoIssuer issuer;

    @Test
    void eitherInstanceAnswersForAllPartitions() throws Exception {
        Files.createDirectories(dataDir.resolve("blobs"));
        Files.write(dataDir.resolve("blobs/photo.jpg"), DemoImages.photos(1, 3).get(0).bytes());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
             DemoIssuer started = DemoIssuer.start(dataDir.resolve("identity"), "127.0.0.1", 0, Set.of("http://127.0.0.1:1/index.html"))) {
            issuer = started;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicCreator.ensure(admin, Topics.all(List.of("csam", "urgent", "ncii", "doxxing", "review", "senior", "appeals")), 4, (short) 1);
            }
            try (ServiceRunner<SinkConfig> first = sink(kafka, "a"); ServiceRunner<SinkConfig> second = sink(kafka, "b")) {
                await().atMost(TIMEOUT).until(() -> Stream.of(first, second).allMatch(s -> s.streams().state() == KafkaStreams.State.RUNNING
                        && s.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty())));
                KafkaTopics topics = new KafkaTopics(kafka.bootstrapServers());
                for (int chat = 0; chat < CHATS; chat++) {
                    topics.send(Topics.RISK_ASSESSMENTS.name(), new StringSerializer(), AvroSerde.of(RiskAssessment.class),
                            "chat-" + chat, assessment("chat-" + chat));
                }

                for (ServiceRunner<SinkConfig> instance : List.of(first, second)) {
                    await().atMost(TIMEOUT).untilAsserted(() -> {
                        JsonNode queues = get(instance, "/api/queues");
                        assertThat(queues.get("complete").asBoolean()).isTrue();
                        assertThat(queues.at("/queues/urgent/open").asInt()).isEqualTo(CHATS);
                    });
                    assertThat(get(instance, "/api/queues/urgent/items")).hasSize(CHATS);
                }
                assertThat(first.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum())
                        .as("the first instance holds only part of the partitions").isLessThan(4);
                for (JsonNode item : get(first, "/api/queues/urgent/items")) {
                    HttpResponse<byte[]> preview = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + first.httpPort() + item.at("/item/media/0/previewUrl").asText()))
                                    .header("Authorization", "Bearer " + token()).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(preview.statusCode()).as(item.at("/item/chatId").asText()).isEqualTo(200);
                    assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                }

                // Claims through one instance, decisions through the other: whichever instance owns an item's chat
                // judges its commands, so a claim made anywhere holds everywhere.
                for (JsonNode item : get(first, "/api/queues/urgent/items")) {
                    String itemId = item.at("/item/itemId").asText();
                    String body = "{\"chatId\":\"" + item.at("/item/chatId").asText() + "\",\"queue\":\"urgent\","
                            + "\"action\":\"CONFIRMED_REMOVE\"}";
                    HttpResponse<String> claim = post(first, "/api/items/" + itemId + "/claim", moderator("alice"), body);
                    HttpResponse<String> other = post(second, "/api/items/" + itemId + "/decision", moderator("bob"), body);
                    HttpResponse<String> holder = post(second, "/api/items/" + itemId + "/decision", moderator("alice"), body);
                    HttpResponse<String> again = post(first, "/api/items/" + itemId + "/decision", moderator("alice"), body);

                    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
                    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
                    assertThat(other.body()).contains("\"holder\":\"alice\"");
                    assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
                    assertThat(again.statusCode()).as("a second decision on the item").isEqualTo(409);
                }
                assertThat(topics.readCommitted(Topics.ENFORCEMENT_ACTIONS.name(), AvroSerde.of(EnforcementAction.class), CHATS, TIMEOUT))
                        .hasSize(CHATS);
            }
        }
    }

    private JsonNode get(ServiceRunner<SinkConfig> instance, String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + path))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> post(ServiceRunner<SinkConfig> instance, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String moderator(String subject) {
        return issuer.minter().accessToken(subject, List.of("moderator"), DemoIssuer.AUDIENCE, Instant.now(), Duration.ofMinutes(30));
    }

    private String token() {
        return issuer.minter().accessToken("val", List.of("viewer"), DemoIssuer.AUDIENCE, Instant.now(), Duration.ofMinutes(30));
    }

    private ServiceRunner<SinkConfig> sink(EmbeddedKafka kafka, String name) {
        return ServiceRunner.start(new SinkApp(), ConfigLoader.forService("sink").environment(Map.of())
                .override("kafka.bootstrap-servers", kafka.bootstrapServers())
                .override("kafka.state-dir", dataDir.resolve("state-" + name).toString())
                .override("kafka.chat-partitions", "4")
                .override("kafka.replication-factor", "1")
                .override("http.host", "127.0.0.1")
                .override("http.port", "0")
                .override("media.blob-root", dataDir.resolve("blobs").toString())
                .override("auth.oidc.issuer", issuer.issuer())
                .override("auth.oidc.audience", DemoIssuer.AUDIENCE)
                .override("auth.peer-secret", "peer-secret-of-the-scale-out-test-0123456789")
                .load(SinkConfig.class));
    }

    private static RiskAssessment assessment(String chatId) {
        Detection detection = Detection.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId("m").setSenderId("s")
                .setSentAt(Instant.now()).setDetectedAt(Instant.now())
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO).setBlobUri("file:///photo.jpg").build()))
                .build();
        return RiskAssessment.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId("m").setSenderId("s")
                .setSentAt(Instant.now()).setAssessedAt(Instant.now()).setScore(0.95).setLevel(RiskLevel.CRITICAL)
                .setCategories(List.of(ContentCategory.NCII)).setReasons(List.of(new RiskReason("bank_match", "matches", 0.95)))
                .setDetection(detection).build();
    }
}
