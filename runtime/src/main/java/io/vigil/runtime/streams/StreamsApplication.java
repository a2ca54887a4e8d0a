package io.vigil.runtime.streams;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.schemas.topics.TopicSpec;
import org.apache.kafka.streams.Topology;

import java.util.List;

/**
 * One Vigil service as the runtime sees it: a topology, the topics it needs, and optionally more to start beside it.
 * Everything else (configuration, exactly-once, dead letters, metrics, health, shutdown) is the runtime's.
 */
public interface StreamsApplication<C extends ServiceConfig> {

    /** Short name: detector, enricher, sink. Names the default configuration resource and the metrics tag. */
    String name();

    Topology topology(C config, MeterRegistry registry);

    /** Topics this service reads or writes; created at start when the configuration asks for it. */
    List<TopicSpec> topics(C config);

    /** Adds to the HTTP server's configuration (static files, for instance) before it is created. */
    default void configureHttp(JavalinConfig http) {
    }

    /** Starts what runs beside the Streams application (HTTP routes, consumers); called before Streams starts. */
    default AutoCloseable startExtras(RunningContext<C> context) {
        return () -> { };
    }
}
