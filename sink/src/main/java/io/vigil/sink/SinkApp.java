package io.vigil.sink;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.runtime.streams.RunningContext;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.auth.Authenticator;
import io.vigil.sink.auth.BearerTokens;
import io.vigil.sink.auth.OidcProvider;
import io.vigil.sink.auth.PageLogin;
import io.vigil.sink.auth.PeerCredential;
import io.vigil.sink.auth.ProxyHeaders;
import io.vigil.sink.feed.AlertFeed;
import io.vigil.sink.http.AuditTrail;
import io.vigil.sink.http.CommandGateway;
import io.vigil.sink.http.QueueStateQueries;
import io.vigil.sink.http.SinkHttp;
import io.vigil.sink.http.SinkRoutes;
import io.vigil.sink.media.MediaPreview;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.SlaClock;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sink service: moderator queues and their work (claims, SLA, decisions), the live alert feed and the moderator page. */
public final class SinkApp implements StreamsApplication<SinkConfig> {

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public Topology topology(SinkConfig config, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        QueueState state = new QueueState(registry, config.queueNames());
        CommandDecider decider = new CommandDecider(config.work(), config.access().queueAccess());
        return new SinkTopology(new QueueRouting(config.routing(), registry, clock), state, decider, new SlaClock(config.work()),
                Duration.ofHours(config.queueState().keepDecidedHours()), registry, clock).build();
    }

    @Override
    public List<TopicSpec> topics(SinkConfig config) {
        List<TopicSpec> topics = new ArrayList<>(List.of(Topics.RISK_ASSESSMENTS, Topics.MODERATION_COMMANDS, Topics.MODERATION_DECISIONS,
                Topics.ENFORCEMENT_ACTIONS, Topics.AUDIT_LOG, Topics.DEAD_LETTERS));
        config.queueNames().forEach(queue -> topics.add(Topics.queue(queue)));
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
        KafkaClients clients = new KafkaClients(config.kafka());
        OidcProvider provider = new OidcProvider(config.auth().oidc());
        Authenticator authenticator = config.auth().isProxy() ? new ProxyHeaders(config.auth().proxy()) : new BearerTokens(provider);
        PeerCredential peer = new PeerCredential(config.auth().peerSecret());
        AlertFeed feed = new AlertFeed(clients, config.queueNames().stream().map(q -> Topics.queue(q).name()).toList(),
                config.feed().replayPerPartition(), config.feed().buffer(), context.registry());
        QueueStateQueries queries = new QueueStateQueries(context.streams(), context.advertisedEndpoint(), peer);
        CommandGateway commands = new CommandGateway(clients, queries, Duration.ofMillis(config.work().commandTimeoutMs()));
        AuditTrail audit = new AuditTrail(clients);
        PageLogin login = new PageLogin(config.auth(), provider);
        SinkRoutes routes = new SinkRoutes(new SinkRoutes.Services(feed, queries, commands, audit,
                new BlobStore(Path.of(config.media().blobRoot()), config.media().maxBlobBytes()),
                new MediaPreview(config.media().previewEdgePx(), new ImageDecoder(new DecodeLimits(config.media().maxPixels()))),
                login::forPage), config.routing(), config.work(), config.access().queueAccess(), context.registry(), Clock.systemUTC());
        SinkHttp.secure(context.http(), authenticator, peer, login::providerOrigins);
        routes.register(context.http());
        feed.start();
        return () -> {
            feed.close();
            commands.close();
            audit.close();
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
