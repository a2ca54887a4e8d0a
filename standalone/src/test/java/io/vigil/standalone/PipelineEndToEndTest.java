package io.vigil.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.hashing.Digests;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.Visibility;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.demo.DemoImages;
import io.vigil.standalone.embedded.EmbeddedKafka;
import io.vigil.standalone.identity.DemoIssuer;
import io.vigil.standalone.identity.DemoUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline against a real broker: a banked image reaches a moderator queue and the live feed, a malformed
 * record reaches the dead-letter topic, and every input ends as exactly one output or one dead letter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {

    private static final byte[] BANKED = DemoImages.photos(1, 7).get(0).bytes();
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** Synthetic personal data (a fictional number and address); it must never appear in clear outside the detector. */
    private static final String PHONE = "612 34 56 78";
    private static final String DOXXING_TEXT = "la de la foto, su número es " + PHONE + " y vive en Calle de Alcalá 123, 28009 Madrid, escribidle";
    private static final CapturedLogs LOGS = new CapturedLogs();

    @TempDir
    static Path dataDir;

    private EmbeddedKafka kafka;
    private Pipeline pipeline;
    private KafkaTopics topics;
    private final List<JsonNode> feed = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() throws Exception {
        kafka = EmbeddedKafka.start(dataDir, 0);
        LOGS.start();
        pipeline = Pipeline.start(new Pipeline.Settings(kafka.bootstrapServers(), dataDir, 2, "127.0.0.1", 0, 0, 0, 0,
                "end-to-end-test-secret-0123456789"));
        topics = new KafkaTopics(kafka.bootstrapServers());
        await().atMost(TIMEOUT).until(() -> Stream.of(pipeline.detector(), pipeline.enricher(), pipeline.sink())
                .allMatch(s -> s.streams().state() == KafkaStreams.State.RUNNING));
        listenToFeed();
        runTraffic();
    }

    @AfterAll
    void stop() {
        LOGS.stop();
        if (pipeline != null) {
            pipeline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private void runTraffic() throws Exception {
        HashBankEntry entry = HashBankEntry.newBuilder().setBankId("demo-ncii").setEntryId("case-1").setCategory(ContentCategory.NCII)
                .setSource(BankSource.PLATFORM).setSignalType(SignalType.SHA256).setValue(Digests.sha256Hex(BANKED))
                .setAddedAt(Instant.now()).build();
        topics.send(Topics.HASH_BANK.name(), new StringSerializer(), AvroSerde.of(HashBankEntry.class),
                "demo-ncii/SHA256/" + entry.getValue(), entry);
        GroupMetadata group = GroupMetadata.newBuilder().setPlatform("telegram").setChatId("chat-1").setKind(ChatKind.SUPERGROUP)
                .setVisibility(Visibility.PUBLIC).setMemberCount(41_000).setTitle("synthetic group").setUpdatedAt(Instant.now()).build();
        topics.send(Topics.GROUP_METADATA.name(), new StringSerializer(), AvroSerde.of(GroupMetadata.class), "chat-1", group);
        // The bank entry must be in the detector's index before the message that matches it.
        await().atMost(TIMEOUT).until(() -> pipeline.detector().registry().find("vigil.bank.updates").tag("outcome", "loaded")
                .counters().stream().mapToDouble(c -> c.count()).sum() >= 1);

        Files.createDirectories(dataDir.resolve("blobs/2026"));
        Files.write(dataDir.resolve("blobs/2026/photo.jpg"), BANKED);
        AvroSerde<MessageEvent> events = AvroSerde.of(MessageEvent.class);
        topics.send(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), events, "chat-1",
                message("chat-1", "m1", MediaItem.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO)
                        .setBlobUri("file:///2026/photo.jpg").build()));
        MessageEvent doxxing = message("chat-1", "m2");
        doxxing.setText(DOXXING_TEXT);
        topics.send(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), events, "chat-1", doxxing);
        topics.sendRaw(Topics.MESSAGE_EVENTS.name(), "chat-1".getBytes(StandardCharsets.UTF_8), "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        // m2 follows m1's image, so it joins that image's victim case; once the banked image is also seen in chat-2, the
        // case spans two chats and adds to m2's score. Chat-2's copy comes after m2 is assessed, so m2 scores the same
        // on every run (one chat: the doxxing queue).
        await().atMost(TIMEOUT).until(() -> topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class), 2,
                Duration.ofSeconds(2)).stream().anyMatch(a -> a.getMessageId().equals("m2")));
        topics.send(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), events, "chat-2", message("chat-2", "m4"));
        topics.send(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), events, "chat-2",
                message("chat-2", "m3", MediaItem.newBuilder().setMediaId("b").setKind(MediaKind.PHOTO)
                        .setInlineBytes(ByteBuffer.wrap(BANKED)).build()));
    }

    @Test
    void bankedImagesReachTheModeratorQueue() {
        List<QueueItem> urgent = topics.readCommitted(Topics.queue("urgent").name(), AvroSerde.of(QueueItem.class), 2, TIMEOUT);

        assertThat(urgent).extracting(QueueItem::getMessageId).containsExactlyInAnyOrder("m1", "m3");
        QueueItem inKnownGroup = urgent.stream().filter(i -> i.getMessageId().equals("m1")).findFirst().orElseThrow();
        assertThat(inKnownGroup.getGroup().getMemberCount()).isEqualTo(41_000);
        assertThat(inKnownGroup.getReasons()).extracting(r -> r.getCode()).contains("bank_match", "large_group", "public_group");
    }

    @Test
    void bankedImagesReachTheLiveFeed() {
        await().atMost(TIMEOUT).until(() -> feed.size() >= 3);

        assertThat(feed).extracting(alert -> alert.get("messageId").asText()).containsExactlyInAnyOrder("m1", "m2", "m3");
        JsonNode alert = feed.stream().filter(a -> a.get("messageId").asText().equals("m1")).findFirst().orElseThrow();
        assertThat(alert.get("level").asText()).isEqualTo("critical");
        assertThat(alert.get("media").get(0).get("previewUrl").asText()).startsWith("/api/media/");
        assertThat(alert.toString()).doesNotContain("file:///");
    }

    @Test
    void theMalformedRecordIsDeadLetteredAndNothingElseIsLost() {
        List<DeadLetter> letters = topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), 1, TIMEOUT);
        List<Detection> detections = topics.readCommitted(Topics.DETECTIONS.name(), AvroSerde.of(Detection.class), 4, TIMEOUT);
        List<RiskAssessment> assessments = topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class), 4, TIMEOUT);

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getApplication()).isEqualTo("vigil-detector");
            assertThat(letter.getSourceTopic()).isEqualTo("message-events");
            assertThat(letter.getReason()).startsWith("unreadable_record: ");
        });
        assertThat(detections).extracting(Detection::getMessageId).containsExactlyInAnyOrder("m1", "m2", "m3", "m4");
        assertThat(assessments).extracting(RiskAssessment::getMessageId).containsExactlyInAnyOrder("m1", "m2", "m3", "m4");
    }

    @Test
    void doxxingReachesItsQueueWithOnlyMaskedDataAndNoLogCarriesTheClearValues() {
        List<QueueItem> doxxing = topics.readCommitted(Topics.queue("doxxing").name(), AvroSerde.of(QueueItem.class), 1, TIMEOUT);

        assertThat(doxxing).singleElement().satisfies(item -> {
            assertThat(item.getMessageId()).isEqualTo("m2");
            assertThat(item.getExposedData()).extracting(e -> e.getType().name()).contains("PHONE", "ADDRESS");
            assertThat(item.getMaskedText()).as("the text for the card, masked by the detector")
                    .startsWith("la de la foto, su número es ").contains("•").doesNotContain(PHONE).doesNotContain("Alcalá 123");
            assertThat(item.toString()).doesNotContain(PHONE).doesNotContain("Alcalá 123").doesNotContain("612345678");
        });
        await().atMost(TIMEOUT).until(() -> feed.stream().anyMatch(a -> a.get("messageId").asText().equals("m2")));
        assertThat(feed.toString()).doesNotContain(PHONE).doesNotContain("612345678").doesNotContain("Alcalá 123");
        assertThat(LOGS.lines()).isNotEmpty().noneMatch(line -> line.contains(PHONE) || line.contains("612345678")
                || line.contains("Alcalá 123") || line.contains("escribidle"));
    }

    @Test
    void everyServiceAnswersHealthAndMetrics() throws Exception {
        for (var service : List.of(pipeline.detector(), pipeline.enricher(), pipeline.sink())) {
            HttpResponse<String> health = get(service.httpPort(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> metrics = get(service.httpPort(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("kafka_stream_", "jvm_memory_used_bytes");
        }
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(get(pipeline.detector().httpPort(), "/metrics").body())
                        .contains("vigil_messages_in_total{service=\"detector\"} 4.0")
                        .contains("vigil_dead_letters_total{reason=\"unreadable_record\",service=\"detector\",stage=\"deserialization\"} 1.0"));
    }

    @Test
    void theModeratorPageShowsAlertsBlurredAndRecordsADecision() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            DemoUsers.User alice = pipeline.issuer().users().get("alice").orElseThrow();
            WebDriverWait wait = BrowserLogin.signIn(browser, "http://127.0.0.1:" + pipeline.sink().httpPort() + "/", alice, TIMEOUT);
            wait.until(d -> d.findElements(By.cssSelector(".item")).size() >= 3);
            wait.until(d -> d.findElement(By.id("status")).getText().equals("live"));

            WebElement card = browser.findElement(By.cssSelector(".item[data-item-id='telegram:chat-1:m1']"));
            assertThat(card.getAttribute("class")).contains("critical");
            assertThat(card.findElement(By.cssSelector(".reasons")).getText()).contains("matches bank 'demo-ncii'");
            assertThat(card.findElement(By.cssSelector(".group")).getText()).contains("41,000 members");
            assertThat(card.findElement(By.cssSelector(".exposed")).isDisplayed()).as("no personal data in this message").isFalse();
            WebElement doxxingCard = browser.findElement(By.cssSelector(".item[data-item-id='telegram:chat-1:m2']"));
            assertThat(doxxingCard.findElement(By.cssSelector(".exposed")).getText()).contains("phone").contains("•").doesNotContain(PHONE);
            assertThat(doxxingCard.findElement(By.cssSelector(".message-text")).getText()).startsWith("la de la foto, su número es ")
                    .contains("•").doesNotContain(PHONE).doesNotContain("Alcalá 123");
            assertThat(browser.getPageSource()).doesNotContain(PHONE).doesNotContain("612345678").doesNotContain("Alcalá 123");
            WebElement preview = card.findElement(By.cssSelector("img.blurred-preview"));
            wait.until(d -> ((Number) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", preview)).intValue() > 0);
            assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", preview)).intValue())
                    .as("the page gets the server's 320 px blurred preview, not the 640 px original").isEqualTo(320);

            card.findElement(By.cssSelector("button[data-decision='CONFIRMED_REMOVE']")).click();
            wait.until(d -> d.findElement(By.cssSelector(".item[data-item-id='telegram:chat-1:m1'] .status")).getText()
                    .equals("decided: confirmed remove by alice"));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(new ObjectMapper()
                    .readTree(get(pipeline.sink().httpPort(), "/api/queues").body()).at("/queues/urgent/open").asInt())
                    .as("open items left in the urgent queue").isEqualTo(1));

            Files.write(Path.of("target", "moderator-page.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token("val", "viewer")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token(String subject, String role) {
        return pipeline.issuer().minter().accessToken(subject, List.of(role), DemoIssuer.AUDIENCE, Instant.now(), Duration.ofMinutes(30));
    }

    private void listenToFeed() {
        ObjectMapper json = new ObjectMapper();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.sink().httpPort() + "/api/feed"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token("val", "viewer")).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> {
                    try {
                        feed.add(json.readTree(line.substring("data:".length())));
                    } catch (Exception e) {
                        throw new IllegalStateException("feed sent a line that is not JSON", e);
                    }
                }));
    }

    private static MessageEvent message(String chatId, String messageId, MediaItem... media) {
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId).setSenderId("sender-1")
                .setSentAt(Instant.now()).setText("synthetic text").setMedia(List.of(media)).build();
    }
}
