package io.vigil.ingest.telegram.bot;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;

import java.net.URI;
import java.util.List;

/**
 * The Telegram bot adapter's configuration; defaults in telegram-bot.yaml. The kafka section is the one every service
 * has; of it the adapter uses the bootstrap servers, the application id (its transactional id's prefix), the topic
 * settings and {@code extra} client properties.
 */
public record TelegramBotConfig(KafkaSettings kafka, HttpSettings http, Telegram telegram, Media media,
                                MemberCountSettings memberCounts, GroupMetadataSettings groupMetadata) implements ServiceConfig {

    /** Reading updates: from where, how, which. */
    public record Telegram(String apiBaseUrl, String tokenFile, String mode, int pollTimeoutSeconds, int batchSize,
                           List<String> allowedUpdates, boolean includePrivateChats, Webhook webhook) implements Validatable {
        public boolean webhookMode() {
            return "webhook".equals(mode);
        }

        @Override
        public List<String> problems() {
            Checks checks = new Checks()
                    .require(validUrl(apiBaseUrl), "api-base-url", "must be an http(s) URL")
                    .notBlank(tokenFile, "token-file")
                    .require("polling".equals(mode) || "webhook".equals(mode), "mode", "must be polling or webhook (got " + mode + ")")
                    .require(pollTimeoutSeconds >= 0 && pollTimeoutSeconds <= 50, "poll-timeout-seconds", "must be 0-50")
                    .require(batchSize >= 1 && batchSize <= 100, "batch-size", "must be 1-100 (the Bot API's limit)")
                    .require(allowedUpdates != null && !allowedUpdates.isEmpty(), "allowed-updates", "must name at least one update kind");
            if (webhookMode()) {
                checks.nested(webhook, "webhook");
            }
            return checks.problems();
        }
    }

    /** Serving a webhook: where Telegram posts updates, and the secret it must send with each. */
    public record Webhook(String host, int port, String path, String secretFile, String publicUrl) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(host, "host")
                    .require(port >= 0 && port <= 65535, "port", "must be 0-65535")
                    .require(path != null && path.startsWith("/"), "path", "must start with /")
                    .notBlank(secretFile, "secret-file")
                    .require(publicUrl == null || publicUrl.isBlank() || publicUrl.startsWith("https://"), "public-url",
                            "Telegram only posts to https:// URLs")
                    .problems();
        }
    }

    /** Where fetched files go and how large they may be. */
    public record Media(String blobRoot, long maxDownloadBytes) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(blobRoot, "blob-root").positive(maxDownloadBytes, "max-download-bytes").problems();
        }
    }

    /** How fresh member counts are kept, and how often the API may be asked for them. */
    public record MemberCountSettings(long refreshMinutes, long minIntervalMs) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().positive(refreshMinutes, "refresh-minutes").require(minIntervalMs >= 0, "min-interval-ms", "must not be negative").problems();
        }
    }

    /** Whether the adapter writes group metadata (off where the platform writes its own, richer metadata). */
    public record GroupMetadataSettings(boolean write) {
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(telegram, "telegram").nested(media, "media")
                .nested(memberCounts, "member-counts").require(groupMetadata != null, "group-metadata", "must be set").problems();
    }
}
