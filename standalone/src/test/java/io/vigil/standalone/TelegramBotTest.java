package io.vigil.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.telegram.bot.FakeBotApi;
import io.vigil.ingest.telegram.bot.TelegramBotConfig;
import io.vigil.ingest.telegram.bot.TelegramBotService;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.IngestOffset;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Bot API adapter against a local server answering like the Bot API with recorded updates, and a real broker:
 * everything written once, offsets confirmed only after the write, restarts that lose and repeat nothing, and the
 * webhook's secret check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramBotTest {

    private static final String TOKEN = "7000000001:AAtestTOKENnotARealOne_0123456789";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long FIRST = 800000001L;
    private static final long AFTER_LAST = 800000023L;
    /** Updates 1-6, 16-19 and 22 are messages in groups and channels; 20 is a private chat; 15 a reaction. */
    private static final int MESSAGE_EVENTS = 11;
    /** Updates 7-14 and 21. */
    private static final int GROUP_EVENTS = 9;

    @TempDir
    static Path dir;

    private EmbeddedKafka kafka;
    private KafkaTopics topics;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() {
        kafka = TestCluster.start(dir.resolve("kafka"), Topics.all(List.of()), 3);
        topics = new KafkaTopics(kafka.bootstrapServers());
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The recorded updates with this test's own chat ids (tests share the broker). */
    private static Map<String, String> chatIds(String digit) {
        return Map.of("-1001234567890", "-100" + digit + "234567890", "-1003333333333", "-100" + digit + "333333333",
                "-1002222222222", "-100" + digit + "222222222", "-4001", "-" + digit + "4001");
    }

    private FakeBotApi fakeApi(long botId, Map<String, String> chatIds) throws Exception {
        FakeBotApi api = new FakeBotApi(TOKEN, botId, FakeBotApi.recordedUpdates(chatIds));
        for (String fileId : List.of("photo-a-2", "photo-b-1", "chatphoto-1", "video-thumb", "sticker-thumb")) {
            api.file(fileId, jpeg(fileId.hashCode()));
        }
        api.file("sticker-file", jpeg(99));
        api.memberCount(chatIds.get("-1001234567890"), 48_200);
        api.memberCount(chatIds.get("-1003333333333"), 81_300);
        api.memberCount(chatIds.get("-4001"), 120);
        api.memberCount(chatIds.get("-1002222222222"), 121);
        return api;
    }

    private TelegramBotConfig config(FakeBotApi api, String name, Map<String, String> more) throws Exception {
        Path token = Files.writeString(dir.resolve(name + "-token"), TOKEN + "\n");
        ConfigLoader loader = ConfigLoader.forService("telegram-bot").strictEnvironment(false).environment(Map.of())
                .override("kafka.bootstrap-servers", kafka.bootstrapServers())
                .override("kafka.application-id", "vigil-telegram-bot-" + name)
                .override("http.host", "127.0.0.1").override("http.port", "0")
                .override("telegram.api-base-url", api.baseUrl().toString())
                .override("telegram.token-file", token.toString())
                .override("telegram.poll-timeout-seconds", "1")
                .override("telegram.batch-size", "5")
                .override("media.blob-root", dir.resolve("blobs").toString())
                .override("member-counts.min-interval-ms", "0");
        more.forEach(loader::override);
        return loader.load(TelegramBotConfig.class);
    }

    private List<MessageEvent> messagesOf(Map<String, String> chatIds, int atLeast) {
        var chats = java.util.Set.copyOf(chatIds.values());
        return topics.readCommitted(Topics.MESSAGE_EVENTS.name(), AvroSerde.of(MessageEvent.class), atLeast, TIMEOUT).stream()
                .filter(m -> chats.contains(m.getChatId())).toList();
    }

    private List<GroupEvent> groupEventsOf(Map<String, String> chatIds, int atLeast) {
        var chats = java.util.Set.copyOf(chatIds.values());
        return topics.readCommitted(Topics.GROUP_EVENTS.name(), AvroSerde.of(GroupEvent.class), atLeast, TIMEOUT).stream()
                .filter(e -> chats.contains(e.getChatId())).toList();
    }

    @Test
    void pollingWritesEveryRecordedUpdateOnceWithItsFilesMemberCountsAndOffset() throws Exception {
        Map<String, String> ids = chatIds("1");
        try (FakeBotApi api = fakeApi(7000000001L, ids)) {
            // The file store behind the API is down for the first two tries: the batch is retried, its offset unconfirmed.
            api.failGetFile(2);
            CapturedLogs logs = new CapturedLogs();
            logs.start();
            try (TelegramBotService bot = TelegramBotService.start(config(api, "polling", Map.of()))) {
            await().atMost(TIMEOUT).until(() -> bot.bot().nextUpdateId() == AFTER_LAST);
            await().atMost(TIMEOUT).until(() -> api.offsetsAsked().contains(AFTER_LAST));

            List<MessageEvent> messages = messagesOf(ids, MESSAGE_EVENTS);
            assertThat(messages).hasSize(MESSAGE_EVENTS);
            MessageEvent photo = messages.stream().filter(m -> m.getMessageId().equals("502")).findFirst().orElseThrow();
            MediaItem item = photo.getMedia().get(0);
            assertThat(item.getMediaId()).isEqualTo("AQADuniqA-2");
            assertThat(dir.resolve("blobs").resolve(item.getBlobUri().substring("file:///".length()))).isRegularFile();
            MessageEvent video = messages.stream().filter(m -> m.getMessageId().equals("514")).findFirst().orElseThrow();
            assertThat(video.getMedia()).extracting(MediaItem::getUnavailable).containsExactly("not_downloaded", null);

            List<GroupEvent> events = groupEventsOf(ids, GROUP_EVENTS);
            assertThat(events).hasSize(GROUP_EVENTS);
            assertThat(events).filteredOn(e -> e.getKind() == GroupEventKind.PHOTO_CHANGED).singleElement()
                    .satisfies(e -> assertThat(e.getPhoto().getPdq()).hasSize(64));

            Map<String, GroupMetadata> metadata = latestMetadata(ids);
            assertThat(metadata.get(ids.get("-1001234567890")).getMemberCount()).isEqualTo(48_200);
            assertThat(metadata.get(ids.get("-1001234567890")).getUsername()).isEqualTo("quedadas_test");
            assertThat(metadata.get(ids.get("-4001")).getStatus()).isEqualTo(GroupStatus.MIGRATED);
            assertThat(metadata.get(ids.get("-4001")).getMigratedToChatId()).isEqualTo(ids.get("-1002222222222"));

            assertThat(ledger("telegram-bot:7000000001")).satisfies(offset -> {
                assertThat(offset.getNextPosition()).isEqualTo(AFTER_LAST);
                assertThat(offset.getUpdatesWritten()).isEqualTo(22);
            });
            HttpResponse<String> health = get(bot.operationsPort(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(get(bot.operationsPort(), "/metrics").body()).contains("vigil_telegram_updates_total")
                    .contains("outcome=\"ignored_kind\"").contains("vigil_telegram_fetch_retries_total").doesNotContain(TOKEN);
            assertThat(api.offsetsAsked().subList(0, 3)).as("the failed batch was asked for again, not confirmed").containsOnly(0L);
            } finally {
                logs.stop();
            }
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(TOKEN) || line.contains("612 34 56")
                    || line.contains("llama al") || line.contains("Lucía") || line.contains("cuenta borrada") || line.contains("Ana"));
        }
    }

    @Test
    void aCrashBeforeTheCommitAndAnotherAfterItLoseNothingAndWriteNothingTwice() throws Exception {
        Map<String, String> ids = chatIds("2");
        try (FakeBotApi api = fakeApi(7000000002L, ids)) {
            // 1. The adapter dies inside its second transaction, after sending, before committing.
            AtomicInteger commits = new AtomicInteger();
            AtomicBoolean crashed = new AtomicBoolean();
            TelegramBotService first = TelegramBotService.start(config(api, "crash", Map.of()), () -> {
                if (commits.incrementAndGet() == 2) {
                    crashed.set(true);
                    throw new SimulatedCrash();
                }
            });
            await().dontCatchUncaughtExceptions().atMost(TIMEOUT).untilTrue(crashed);
            assertThat(api.offsetsAsked()).as("the second batch was fetched and never confirmed").containsExactly(0L, FIRST + 5);

            // 2. A new instance takes over (aborting the open transaction), writes the second batch, and then loses
            //    Telegram before it can confirm it, and stops.
            TelegramBotService second = TelegramBotService.start(config(api, "crash", Map.of()));
            assertThat(second.bot().nextUpdateId()).isEqualTo(FIRST + 5);
            await().dontCatchUncaughtExceptions().atMost(TIMEOUT).until(() -> second.bot().nextUpdateId() >= FIRST + 10);
            api.getUpdatesDown(true);
            int asked = api.offsetsAsked().size();
            await().dontCatchUncaughtExceptions().atMost(TIMEOUT).until(() -> api.offsetsAsked().size() > asked);
            long written = second.bot().nextUpdateId();
            second.close();
            first.close();

            // 3. A third instance resumes from the ledger: Telegram drops what was written, the rest comes once.
            api.getUpdatesDown(false);
            try (TelegramBotService third = TelegramBotService.start(config(api, "crash", Map.of()))) {
                assertThat(third.bot().nextUpdateId()).isEqualTo(written);
                await().dontCatchUncaughtExceptions().atMost(TIMEOUT).until(() -> third.bot().nextUpdateId() == AFTER_LAST);
            }
            List<Long> offsets = api.offsetsAsked();
            assertThat(offsets.subList(0, 3)).containsExactly(0L, FIRST + 5, FIRST + 5);
            assertThat(offsets).contains(written).last().isEqualTo(AFTER_LAST);
        }
        List<MessageEvent> messages = messagesOf(ids, MESSAGE_EVENTS);
        assertThat(messages).hasSize(MESSAGE_EVENTS);
        assertThat(duplicates(messages, m -> m.getChatId() + ":" + m.getMessageId() + ":" + m.getEditedAt())).isEmpty();
        List<GroupEvent> events = groupEventsOf(ids, GROUP_EVENTS);
        assertThat(events).hasSize(GROUP_EVENTS);
        assertThat(duplicates(events, GroupEvent::getEventId)).isEmpty();
        assertThat(ledger("telegram-bot:7000000002").getUpdatesWritten()).isEqualTo(22);
    }

    @Test
    void theWebhookRefusesRequestsWithoutTheSecretAndWritesEachUpdateOnce() throws Exception {
        Map<String, String> ids = chatIds("3");
        Path secret = Files.writeString(dir.resolve("webhook-secret"), "s3cret-for-the-webhook_0123\n");
        List<JsonNode> updates = FakeBotApi.recordedUpdates(ids);
        try (FakeBotApi api = new FakeBotApi(TOKEN, 7000000003L, List.of());
             TelegramBotService bot = TelegramBotService.start(config(api, "webhook", Map.of(
                     "telegram.mode", "webhook", "telegram.webhook.host", "127.0.0.1", "telegram.webhook.port", "0",
                     "telegram.webhook.secret-file", secret.toString(),
                     "telegram.webhook.public-url", "https://vigil.example/telegram/webhook")))) {
            assertThat(api.lastSetWebhook().path("secret_token").asText()).isEqualTo("s3cret-for-the-webhook_0123");
            assertThat(api.lastSetWebhook().path("max_connections").asInt()).isEqualTo(1);
            String first = updates.get(0).toString();

            assertThat(post(bot.webhookPort(), first, null).statusCode()).isEqualTo(401);
            assertThat(post(bot.webhookPort(), first, "wrong").statusCode()).isEqualTo(403);
            assertThat(post(bot.webhookPort(), "{\"no\": \"update\"}", "s3cret-for-the-webhook_0123").statusCode()).isEqualTo(400);
            assertThat(bot.bot().nextUpdateId()).as("nothing refused was written").isZero();

            assertThat(post(bot.webhookPort(), first, "s3cret-for-the-webhook_0123").statusCode()).isEqualTo(200);
            assertThat(post(bot.webhookPort(), first, "s3cret-for-the-webhook_0123").statusCode())
                    .as("Telegram repeats an update whose reply it lost").isEqualTo(200);
            assertThat(post(bot.webhookPort(), updates.get(4).toString(), "s3cret-for-the-webhook_0123").statusCode()).isEqualTo(200);

            assertThat(bot.bot().nextUpdateId()).isEqualTo(FIRST + 5);
            assertThat(messagesOf(ids, 2)).extracting(MessageEvent::getMessageId).containsExactlyInAnyOrder("501", "77");

            // An update the mapper cannot read (a date past what a clock can hold) goes to the dead letters, not in the way.
            String unreadable = updates.get(5).toString().replace("\"date\":1767225680", "\"date\":9000000000000000000");
            assertThat(unreadable).contains("9000000000000000000");
            assertThat(post(bot.webhookPort(), unreadable, "s3cret-for-the-webhook_0123").statusCode()).isEqualTo(200);
            assertThat(bot.bot().nextUpdateId()).isEqualTo(FIRST + 6);
            assertThat(topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), 1, TIMEOUT))
                    .filteredOn(d -> d.getApplication().equals("vigil-telegram-bot")).singleElement()
                    .satisfies(d -> assertThat(d.getReason()).startsWith("unmappable_update"));
        }
    }

    /**
     * Stands for the process dying: not an Exception, so nothing on the way catches it and aborts the transaction; it
     * ends the poller thread (the waits above let it, rather than report it as the test's failure).
     */
    private static final class SimulatedCrash extends Error {
    }

    private static <T> Map<String, Long> duplicates(List<T> records, Function<T, String> identity) {
        return records.stream().collect(Collectors.groupingBy(identity, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, GroupMetadata> latestMetadata(Map<String, String> ids) {
        Map<String, GroupMetadata> latest = new HashMap<>();
        for (GroupMetadata g : topics.readCommitted(Topics.GROUP_METADATA.name(), AvroSerde.of(GroupMetadata.class), 4, TIMEOUT)) {
            if (ids.containsValue(g.getChatId())) {
                latest.put(g.getChatId(), g);
            }
        }
        return latest;
    }

    private IngestOffset ledger(String source) {
        List<IngestOffset> offsets = topics.readCommitted(Topics.INGEST_OFFSETS.name(), AvroSerde.of(IngestOffset.class), 1, TIMEOUT)
                .stream().filter(o -> o.getSource().equals(source)).toList();
        return offsets.get(offsets.size() - 1);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] jpeg(long seed) throws Exception {
        BufferedImage image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), 96, 72, new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, 96, 72);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
