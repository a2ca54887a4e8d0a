package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.ingest.blobs.BlobWriter;
import io.vigil.ingest.kafka.TransactionalWriter;
import io.vigil.runtime.metrics.ServiceMetrics;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Telegram bot adapter as a running service: the adapter itself, polling in a thread of its own or serving the
 * webhook, and {@code /metrics} and {@code /health} for operators on a separate port (the webhook faces Telegram,
 * the operator port does not). Stops cleanly on {@link #close()}.
 */
public final class TelegramBotService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBotService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);

    private final TelegramBotConfig config;
    private final PrometheusMeterRegistry registry;
    private final TransactionalWriter writer;
    private final TelegramBot bot;
    private final Javalin operations;
    private final Javalin webhook;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile String stoppedBecause;

    private TelegramBotService(TelegramBotConfig config, Runnable beforeEachCommit) throws IOException, InterruptedException {
        this.config = config;
        this.registry = ServiceMetrics.registry("telegram-bot");
        String token = readSecret(config.telegram().tokenFile(), "telegram.token-file");
        BotApi api = new BotApi(URI.create(config.telegram().apiBaseUrl()), token);
        String botId = api.getMe().path("id").asText();
        if (config.kafka().createTopics()) {
            TopicCreator.ensure(config.kafka(), List.of(Topics.MESSAGE_EVENTS, Topics.GROUP_EVENTS, Topics.GROUP_METADATA, Topics.INGEST_OFFSETS));
        }
        Map<String, Object> client = new HashMap<>(config.kafka().extra());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        this.writer = new TransactionalWriter(client, "telegram-bot:" + botId, config.kafka().applicationId() + "-" + botId, KAFKA_TIMEOUT);
        writer.beforeCommit(beforeEachCommit);
        try {
            MemberCounts counts = new MemberCounts(api::getChatMemberCount, Duration.ofMinutes(config.memberCounts().refreshMinutes()).toMillis(),
                    config.memberCounts().minIntervalMs(), System::nanoTime);
            this.bot = new TelegramBot(api, writer, new UpdateMapper(config.media().maxDownloadBytes(), config.telegram().includePrivateChats()),
                    new MediaFetcher(api, new BlobWriter(Path.of(config.media().blobRoot()), "telegram"), config.media().maxDownloadBytes()),
                    counts, config.groupMetadata().write(), registry);
            this.operations = operations();
            operations.start(config.http().host(), config.http().port());
            if (config.telegram().webhookMode()) {
                this.webhook = webhook(readSecret(config.telegram().webhook().secretFile(), "telegram.webhook.secret-file"));
                webhook.start(config.telegram().webhook().host(), config.telegram().webhook().port());
                String publicUrl = config.telegram().webhook().publicUrl();
                if (publicUrl != null && !publicUrl.isBlank()) {
                    api.setWebhook(publicUrl, readSecret(config.telegram().webhook().secretFile(), "telegram.webhook.secret-file"),
                            config.telegram().allowedUpdates());
                    LOG.info("webhook registered with Telegram (one connection at a time)");
                }
                this.poller = null;
                LOG.info("Telegram adapter serves its webhook on port {}", webhook.port());
            } else {
                this.webhook = null;
                this.poller = new Thread(this::poll, "vigil-telegram-poller");
                poller.start();
                LOG.info("Telegram adapter polls getUpdates");
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            writer.close();
            throw e;
        }
        LOG.info("telegram-bot started: http://{}:{}/health", config.http().host(), operations.port());
    }

    public static TelegramBotService start(TelegramBotConfig config) throws IOException, InterruptedException {
        return new TelegramBotService(config, () -> { });
    }

    /**
     * Starts with a hook run inside every transaction after its records are sent and before it commits: where a crash
     * tests what a restart finds.
     */
    public static TelegramBotService start(TelegramBotConfig config, Runnable beforeEachCommit) throws IOException, InterruptedException {
        return new TelegramBotService(config, beforeEachCommit);
    }

    private void poll() {
        try {
            bot.pollUntilStopped(config.telegram().pollTimeoutSeconds(), config.telegram().batchSize(),
                    config.telegram().allowedUpdates(), () -> running);
        } catch (TransactionalWriter.FatalException e) {
            stoppedBecause = e.getMessage();
        }
    }

    private Javalin operations() {
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        app.get("/health", ctx -> {
            boolean up = healthy();
            ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("service", "telegram-bot",
                    "status", up ? "UP" : "DOWN", "nextUpdateId", bot.nextUpdateId(), "lastSuccess", bot.lastSuccess().toString()));
        });
        return app;
    }

    /** Up while the adapter runs and, when polling, has gone through within a few poll timeouts. */
    private boolean healthy() {
        if (stoppedBecause != null || !running) {
            return false;
        }
        if (config.telegram().webhookMode()) {
            return true;
        }
        Duration allowed = Duration.ofSeconds(Math.max(120, 4L * config.telegram().pollTimeoutSeconds()));
        return Duration.between(bot.lastSuccess(), Instant.now()).compareTo(allowed) < 0;
    }

    private Javalin webhook(String secret) {
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.post(config.telegram().webhook().path(), ctx -> receive(ctx, expected));
        return app;
    }

    /** One update from Telegram: refused without the secret; answered 200 only once written (or written before). */
    private void receive(Context ctx, byte[] expectedSecret) {
        String given = ctx.header(SECRET_HEADER);
        if (given == null) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("missing " + SECRET_HEADER);
            return;
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedSecret)) {
            registry.counter("vigil.telegram.webhook.refused").increment();
            ctx.status(HttpStatus.FORBIDDEN).result("wrong " + SECRET_HEADER);
            return;
        }
        JsonNode update;
        try {
            update = JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not JSON");
            return;
        }
        if (update == null || !update.has("update_id")) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not an update");
            return;
        }
        try {
            bot.handle(List.of(update));
            ctx.status(HttpStatus.OK).result("ok");
        } catch (TransactionalWriter.FatalException e) {
            stoppedBecause = e.getMessage();
            LOG.error("Telegram adapter stops: {}", e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("adapter stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("stopping");
        } catch (Exception e) {
            // Telegram retries an update until it gets a 2xx: nothing is written, nothing is lost.
            LOG.warn("update {} not written, Telegram will retry: {}", update.path("update_id").asLong(), e.getMessage());
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("not written; retry");
        }
    }

    public int operationsPort() {
        return operations.port();
    }

    public int webhookPort() {
        return webhook == null ? -1 : webhook.port();
    }

    public TelegramBot bot() {
        return bot;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private static String readSecret(String file, String setting) throws IOException {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException(setting + " must name a file");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(setting + ": " + file + " is not a readable file");
        }
        String value = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(setting + ": " + file + " is empty");
        }
        return value;
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (webhook != null) {
            webhook.stop();
        }
        operations.stop();
        writer.close();
        registry.close();
    }
}
