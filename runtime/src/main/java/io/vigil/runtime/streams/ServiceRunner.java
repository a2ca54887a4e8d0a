package io.vigil.runtime.streams;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.health.HealthReport;
import io.vigil.runtime.health.ServiceHealth;
import io.vigil.runtime.health.StageHealth;
import io.vigil.runtime.http.ServiceHttp;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.runtime.metrics.ServiceMetrics;
import io.vigil.schemas.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Runs one service: creates its topics if asked (else checks that they exist and take its records), builds its
 * Streams applications, starts them with Vigil's settings and static membership, binds their metrics, serves
 * /metrics and /health with the truth about them, and stops all of it cleanly.
 */
public final class ServiceRunner<C extends ServiceConfig> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How often the health check reads topics and offsets from the cluster. */
    static final Duration HEALTH_SAMPLE_INTERVAL = Duration.ofSeconds(5);

    private final StreamsApplication<C> application;
    private final List<KafkaStreams> streams = new ArrayList<>();
    private final List<KafkaStreamsMetrics> streamsMetrics = new ArrayList<>();
    private final Admin admin;
    private final ServiceHealth health;
    private final Javalin http;
    private final AutoCloseable extras;
    private final PrometheusMeterRegistry registry;

    private ServiceRunner(StreamsApplication<C> application, C config) {
        this.application = application;
        StartupTimeline timeline = new StartupTimeline(application.name());
        RocksDbPreload.startInBackground(application.name(), timeline::jvmUpMillis);
        this.registry = ServiceMetrics.registry(application.name());
        KafkaSettings kafka = config.kafka();
        List<TopicSpec> topics = application.topics(config);
        List<StageHealth> stageHealth = new ArrayList<>();
        // The admin client (its classes alone: most of a second on a loaded machine) and the topic checks (admin round
        // trips, seconds on a loaded cluster) run while the topologies and Streams clients are built; the stream threads
        // start only once the checks passed.
        CompletableFuture<Admin> adminCreated = new CompletableFuture<>();
        try {
            CompletableFuture<Void> topicsUsable = inParallel(application.name() + "-topic-checks", () -> {
                long started = System.currentTimeMillis();
                Admin admin = createdInto(adminCreated, () -> new KafkaClients(kafka).admin(kafka.applicationId() + "-health"));
                if (kafka.createTopics()) {
                    TopicCreator.ensure(admin, topics, kafka.chatPartitions(), (short) kafka.replicationFactor());
                }
                TopicCreator.requireUsable(admin, application.name(), topics, kafka.maxRecordBytes());
                LOG.info("{} start-up: {} took {} ms, in parallel (JVM up {} ms)", application.name(),
                        kafka.createTopics() ? "the admin client, topic creation and checks" : "the admin client and topic checks",
                        System.currentTimeMillis() - started, timeline.jvmUpMillis());
            });
            HttpSettings httpSettings = config.http().withConcretePort();
            String instance = InstanceIdentity.of(kafka);
            List<StreamsStage> stages = application.stages(config, registry);
            timeline.phaseDone("building the topologies");
            for (StreamsStage stage : stages) {
                LOG.debug("{} {} topology:\n{}", application.name(), stage.name(), stage.topology().describe());
                Properties props = StreamsProperties.of(kafka, registry);
                String applicationId = kafka.applicationId() + stage.applicationIdSuffix();
                props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
                props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instance);
                // Peers find the instance that holds a key's state through this endpoint (interactive queries).
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, httpSettings.advertisedEndpoint());
                if (StreamsConfig.EXACTLY_ONCE_V2.equals(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
                    UncheckpointedTaskSweeper.sweep(Path.of(kafka.stateDir()), applicationId);
                }
                KafkaStreams stageStreams = new KafkaStreams(stage.topology(), props);
                StageHealth stageState = new StageHealth(stage.name(), applicationId, instance, stageStreams,
                        Duration.ofSeconds(kafka.stallTimeoutSeconds()));
                stageStreams.setUncaughtExceptionHandler(exception -> {
                    // A thread that dies on an unexpected error is replaced: its tasks restart from the last committed
                    // transaction, so nothing is lost or duplicated. A thread that keeps dying is what the health
                    // check reports, with the partition that makes no progress.
                    LOG.error("{} {} stream thread failed; replacing it", application.name(), stage.name(), exception);
                    registry.counter("vigil.stream.thread.failures", "stage", stage.name()).increment();
                    stageState.threadFailed(Clock.systemUTC().instant(), exception);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
                });
                stageStreams.setStateListener((now, before) ->
                        LOG.info("{} {} streams {} -> {} (JVM up {} ms)", application.name(), stage.name(), before, now,
                                timeline.jvmUpMillis()));
                stageStreams.setGlobalStateRestoreListener(new LoggedRestores(application.name() + " " + stage.name(),
                        stageState.restoreListener(), timeline::jvmUpMillis));
                KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(stageStreams);
                metrics.bindTo(registry);
                streams.add(stageStreams);
                streamsMetrics.add(metrics);
                stageHealth.add(stageState);
            }
            timeline.phaseDone("creating the Streams clients (state directory, startup tasks)");
            this.admin = joined(adminCreated);
            this.health = new ServiceHealth(application.name(), stageHealth, topics.stream().map(TopicSpec::name).toList(),
                    admin, registry, Clock.systemUTC());
            this.http = ServiceHttp.create(registry, health::report, application::configureHttp);
            // Streams first: a restarted instance rejoins its group, restores its state and resumes output while the
            // rest of the service (its HTTP routes, the sink's feed and clients: seconds on a loaded machine) starts.
            // The extras keep the Streams client only for interactive queries, which HTTP serves once both are up.
            awaitTopicChecks(topicsUsable);
            timeline.phaseDone("health check and HTTP server set-up, then waiting for the topic checks");
            streams.forEach(KafkaStreams::start);
            timeline.phaseDone("starting the stream threads");
            try {
                this.extras = application.startExtras(new RunningContext<>(config, streams.get(0), registry, http,
                        httpSettings.advertisedEndpoint()));
            } catch (Exception e) {
                throw new IllegalStateException(application.name() + " could not start: " + e.getMessage(), e);
            }
            timeline.phaseDone("HTTP routes and extras");
            ServiceHttp.start(http, httpSettings);
            health.start(HEALTH_SAMPLE_INTERVAL);
            LOG.info("{} started ({} stream threads per stage, instance {}): http://{}:{}/health", application.name(),
                    kafka.streamThreads(), instance, httpSettings.host(), http.port());
        } catch (RuntimeException e) {
            streams.forEach(KafkaStreams::close);
            streamsMetrics.forEach(KafkaStreamsMetrics::close);
            adminCreated.thenAccept(Admin::close);
            throw e;
        }
    }

    /** Runs {@code create} and hands its result (or its failure) to {@code created} too. */
    private static Admin createdInto(CompletableFuture<Admin> created, Supplier<Admin> create) {
        try {
            Admin admin = create.get();
            created.complete(admin);
            return admin;
        } catch (RuntimeException e) {
            created.completeExceptionally(e);
            throw e;
        }
    }

    private static CompletableFuture<Void> inParallel(String threadName, Runnable task) {
        return CompletableFuture.runAsync(task, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Rethrows what the topic checks threw (a missing or unusable topic), as if they had run on this thread. */
    private static void awaitTopicChecks(CompletableFuture<Void> checks) {
        joined(checks);
    }

    /** The result of work done on another thread; what it threw is rethrown as if it had run on this one. */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public static <C extends ServiceConfig> ServiceRunner<C> start(StreamsApplication<C> application, C config) {
        return new ServiceRunner<>(application, config);
    }

    /** Starts the service and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public static <C extends ServiceConfig> void runUntilShutdown(StreamsApplication<C> application, C config) {
        ServiceRunner<C> runner = start(application, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, application.name() + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int httpPort() {
        return http.port();
    }

    /** The first stage's Kafka Streams (the only one for services with one stage). */
    public KafkaStreams streams() {
        return streams.get(0);
    }

    public List<KafkaStreams> allStreams() {
        return List.copyOf(streams);
    }

    public HealthReport health() {
        return health.report();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        LOG.info("{} stopping", application.name());
        try {
            extras.close();
        } catch (Exception e) {
            LOG.warn("{} extras did not stop cleanly", application.name(), e);
        }
        health.close();
        // A clean stop leaves the group at once, so its partitions move to the other instances now rather than after
        // the session timeout; only a crash leaves static membership to hold them for a restart.
        KafkaStreams.CloseOptions options = new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true);
        streams.parallelStream().forEach(s -> s.close(options));
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        http.stop();
        admin.close();
        LOG.info("{} stopped", application.name());
    }
}
