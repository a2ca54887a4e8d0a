package io.vigil.sink;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;
import io.vigil.sink.auth.AuthSettings;
import io.vigil.sink.auth.QueueAccess;
import io.vigil.sink.routing.RoutingPolicy;
import io.vigil.sink.work.WorkSettings;

import java.util.List;

/** The sink's configuration; defaults in sink.yaml. */
public record SinkConfig(KafkaSettings kafka, HttpSettings http, RoutingPolicy routing, QueueStateSettings queueState,
                         Feed feed, AuthSettings auth, Access access, WorkSettings work, Media media) implements ServiceConfig {

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

    /** @param queues per queue, the roles that see and work it; a queue not listed is open to every role that may view */
    public record Access(java.util.Map<String, List<String>> queues) implements Validatable {

        public QueueAccess queueAccess() {
            return new QueueAccess(queues);
        }

        @Override
        public List<String> problems() {
            List<String> unknown = queueAccess().unknownRoles();
            return new Checks().require(unknown.isEmpty(), "queues", "unknown roles " + unknown
                    + " (known: viewer, moderator, senior, child-safety, admin)").problems();
        }
    }

    /**
     * @param previewEdgePx long edge of the blurred previews, in pixels
     * @param maxPixels     largest image the previews decode (checked from the header before any pixel is decoded)
     */
    public record Media(String blobRoot, long maxBlobBytes, int previewEdgePx, long maxPixels) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(blobRoot, "blob-root").positive(maxBlobBytes, "max-blob-bytes")
                    .require(previewEdgePx >= 32 && previewEdgePx <= 1024, "preview-edge-px", "must be 32-1024")
                    .positive(maxPixels, "max-pixels").problems();
        }
    }

    /** Every queue the sink serves: the routed ones and the escalation queue. */
    public List<String> queueNames() {
        List<String> names = new java.util.ArrayList<>(routing.queueNames());
        if (work != null && !names.contains(work.escalationQueue())) {
            names.add(work.escalationQueue());
        }
        return names;
    }

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(routing, "routing")
                .nested(queueState, "queue-state").nested(feed, "feed").nested(auth, "auth").nested(access, "access")
                .nested(work, "work").nested(media, "media").problems();
    }
}
