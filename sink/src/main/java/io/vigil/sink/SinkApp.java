package io.vigil.sink;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.RunningContext;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.feed.AlertFeed;
import io.vigil.sink.http.DecisionPublisher;
import io.vigil.sink.http.QueueStateQueries;
import io.vigil.sink.http.SinkRoutes;
import io.vigil.sink.media.MediaPreview;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sink service: moderator queues, their state, the live alert feed and the moderator page. */
public final class SinkApp implements StreamsApplication<SinkConfig> {

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public Topology topology(SinkConfig config, MeterRegistry registry) {
        QueueState state = new QueueState(registry, config.routing().queueNames());
        return new SinkTopology(new QueueRouting(config.routing(), registry, Clock.systemUTC()), state,
                Duration.ofHours(config.queueState().keepDecidedHours()), registry, Clock.systemUTC(),
                config.kafka().maxRecordBytes()).build();
    }

    @Override
    public List<TopicSpec> topics(SinkConfig config) {
        List<TopicSpec> topics = new ArrayList<>(List.of(Topics.RISK_ASSESSMENTS, Topics.MODERATION_DECISIONS, Topics.DEAD_LETTERS));
        config.routing().queueNames().forEach(queue -> topics.add(Topics.queue(queue)));
        return topics;
    }

    @Override
    public void configureHttp(JavalinConfig http) {
        http.staticFiles.add(files -> {
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
    }

    @Override
    public AutoCloseable startExtras(RunningContext<SinkConfig> context) {
        SinkConfig config = context.config();
        AlertFeed feed = new AlertFeed(config.kafka().bootstrapServers(),
                config.routing().queueNames().stream().map(q -> Topics.queue(q).name()).toList(),
                config.feed().replayPerPartition(), config.feed().buffer(), context.registry());
        DecisionPublisher decisions = new DecisionPublisher(config.kafka().bootstrapServers());
        new SinkRoutes(feed, new QueueStateQueries(context.streams(), context.advertisedEndpoint()), decisions,
                new BlobStore(Path.of(config.media().blobRoot()), config.media().maxBlobBytes()),
                new MediaPreview(config.media().previewEdgePx()), config.routing(),
                config.moderation().moderatorHeader(), context.registry(), Clock.systemUTC()).register(context.http());
        feed.start();
        return () -> {
            feed.close();
            decisions.close();
        };
    }

    /** Runs the sink with defaults, an optional YAML file as the first argument, and VIGIL_* variables. */
    public static void main(String[] args) {
        ConfigLoader loader = ConfigLoader.forService("sink");
        if (args.length > 0) {
            loader.file(Path.of(args[0]));
        }
        ServiceRunner.runUntilShutdown(new SinkApp(), loader.load(SinkConfig.class));
    }
}
