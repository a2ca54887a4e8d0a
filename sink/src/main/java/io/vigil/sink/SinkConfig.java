package io.vigil.sink;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;
import io.vigil.runtime.auth.AuthSettings;
import io.vigil.sink.auth.QueueAccess;
import io.vigil.sink.routing.NoticeRouting;
import io.vigil.sink.routing.RoutingPolicy;
import io.vigil.sink.work.WorkSettings;

import java.util.List;

/** The sink's configuration; defaults in sink.yaml. */
public record SinkConfig(KafkaSettings kafka, HttpSettings http, RoutingPolicy routing, NoticeRouting notices,
                         QueueStateSettings queueState, Feed feed, AuthSettings auth, Access access, WorkSettings work, Media media)
        implements ServiceConfig {

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
                    + " (known: viewer, moderator, senior, child-safety, admin, platform, trusted-flagger)").problems();
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

    /** Every queue the sink serves: the routed ones, the escalation queue and the appeals queue. */
    public List<String> queueNames() {
        List<String> names = new java.util.ArrayList<>(routing.queueNames());
        if (work != null) {
            work.workQueues().stream().filter(queue -> !names.contains(queue)).forEach(names::add);
        }
        return names;
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().nested(kafka, "kafka").nested(http, "http").nested(routing, "routing").nested(notices, "notices")
                .nested(queueState, "queue-state").nested(feed, "feed").nested(auth, "auth").nested(access, "access")
                .nested(work, "work").nested(media, "media");
        if (routing != null && notices != null) {
            notices.queues().forEach((category, queue) -> checks.require(routing.queueNames().contains(queue), "notices.queues." + category,
                    "queue '" + queue + "' is not a routed queue " + routing.queueNames()));
            checks.require(routing.queueNames().contains(notices.defaultQueue()), "notices.default-queue",
                    "queue '" + notices.defaultQueue() + "' is not a routed queue " + routing.queueNames());
        }
        if (routing != null && work != null) {
            checks.require(!routing.queueNames().contains(work.appealsQueue()), "work.appeals-queue",
                    "must not be a routed queue: appeals come from the compliance service only");
        }
        return checks.problems();
    }
}
