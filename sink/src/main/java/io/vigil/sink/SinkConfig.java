package io.vigil.sink;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;
import io.vigil.sink.routing.RoutingPolicy;

import java.util.List;

/** The sink's configuration; defaults in sink.yaml. */
public record SinkConfig(KafkaSettings kafka, HttpSettings http, RoutingPolicy routing, QueueStateSettings queueState,
                         Feed feed, Moderation moderation, Media media) implements ServiceConfig {

    /** @param keepDecidedHours how long a decided item stays in the queue state for the moderator page */
    public record QueueStateSettings(int keepDecidedHours) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().positive(keepDecidedHours, "keep-decided-hours").problems();
        }
    }

    /**
     * @param replayPerPartition alerts re-read from each queue partition at start, so the page is not empty after a restart
     * @param buffer             alerts kept in memory for clients that connect or reconnect
     */
    public record Feed(int replayPerPartition, int buffer) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().require(replayPerPartition >= 0, "replay-per-partition", "must not be negative")
                    .positive(buffer, "buffer").problems();
        }
    }

    /**
     * @param moderatorHeader request header that names the moderator, set by the platform's single sign-on proxy in
     *                        front of the sink; decisions and reveals without it are refused
     */
    public record Moderation(String moderatorHeader) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(moderatorHeader, "moderator-header").problems();
        }
    }

    /** @param previewEdgePx long edge of the blurred previews, in pixels */
    public record Media(String blobRoot, long maxBlobBytes, int previewEdgePx) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(blobRoot, "blob-root").positive(maxBlobBytes, "max-blob-bytes")
                    .require(previewEdgePx >= 32 && previewEdgePx <= 1024, "preview-edge-px", "must be 32-1024").problems();
        }
    }

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(routing, "routing")
                .nested(queueState, "queue-state").nested(feed, "feed").nested(moderation, "moderation")
                .nested(media, "media").problems();
    }
}
