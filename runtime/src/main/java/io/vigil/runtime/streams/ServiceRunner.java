package io.vigil.runtime.streams;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.http.ServiceHttp;
import io.vigil.runtime.metrics.ServiceMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one service: creates its topics if asked, builds its topology, starts Kafka Streams with Vigil's settings,
 * binds Streams' metrics, serves /metrics and /health, and stops all of it cleanly.
 */
public final class ServiceRunner<C extends ServiceConfig> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsApplication<C> application;
    private final KafkaStreams streams;
    private final Javalin http;
    private final KafkaStreamsMetrics streamsMetrics;
    private final AutoCloseable extras;
    private final PrometheusMeterRegistry registry;

    private ServiceRunner(StreamsApplication<C> application, C config) {
        this.application = application;
        this.registry = ServiceMetrics.registry(application.name());
        if (config.kafka().createTopics()) {
            TopicCreator.ensure(config.kafka(), application.topics(config));
        }
        Topology topology = application.topology(config, registry);
        LOG.debug("{} topology:\n{}", application.name(), topology.describe());
        HttpSettings httpSettings = config.http().withConcretePort();
        Properties props = StreamsProperties.of(config.kafka(), registry);
        // Peers find the instance that holds a key's state through this endpoint (interactive queries).
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, httpSettings.advertisedEndpoint());
        this.streams = new KafkaStreams(topology, props);
        this.streams.setUncaughtExceptionHandler(exception -> {
            // A thread that dies on an unexpected error is replaced: its task restarts from the last committed
            // transaction, so nothing is lost or duplicated, and the failure stays visible in the logs and metrics.
            LOG.error("{} stream thread failed; replacing it", application.name(), exception);
            registry.counter("vigil.stream.thread.replacements").increment();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.streams.setStateListener((now, before) -> LOG.info("{} streams {} -> {}", application.name(), before, now));
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        this.streamsMetrics.bindTo(registry);
        this.http = ServiceHttp.create(application.name(), registry, streams::state, application::configureHttp);
        try {
            this.extras = application.startExtras(new RunningContext<>(config, streams, registry, http, httpSettings.advertisedEndpoint()));
        } catch (Exception e) {
            streams.close();
            throw new IllegalStateException(application.name() + " could not start: " + e.getMessage(), e);
        }
        ServiceHttp.start(http, httpSettings);
        streams.start();
        LOG.info("{} started: http://{}:{}/health", application.name(), httpSettings.host(), http.port());
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

    public KafkaStreams streams() {
        return streams;
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
        streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT));
        streamsMetrics.close();
        http.stop();
        LOG.info("{} stopped", application.name());
    }
}
