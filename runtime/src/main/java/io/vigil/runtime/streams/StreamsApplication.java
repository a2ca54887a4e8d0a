package io.vigil.runtime.streams;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.schemas.topics.TopicSpec;
import org.apache.kafka.streams.Topology;

import java.util.List;

/**
 * One Vigil service as the runtime sees it: a topology (or several, {@link #stages}), the topics it needs, and
 * optionally more to start beside it. Everything else (configuration, exactly-once, dead letters, metrics, health,
 * shutdown) is the runtime's.
 */
public interface StreamsApplication<C extends ServiceConfig> {

    /** Short name: detector, enricher, sink. Names the default configuration resource and the metrics tag. */
    String name();

    /** The service's topology, when it runs a single Streams application. */
    default Topology topology(C config, MeterRegistry registry) {
        throw new UnsupportedOperationException(name() + " runs several stages; ask stages() for their topologies");
    }

    /** The Streams applications the service runs side by side; by default one, of {@link #topology}. */
    default List<StreamsStage> stages(C config, MeterRegistry registry) {
        return List.of(StreamsStage.main(topology(config, registry)));
    }

    /** Topics this service reads or writes; created at start when the configuration asks for it, else checked. */
    List<TopicSpec> topics(C config);

    /** Adds to the HTTP server's configuration (static files, for instance) before it is created. */
    default void configureHttp(JavalinConfig http) {
    }

    /** Starts what runs beside the Streams application (HTTP routes, consumers); called before Streams starts. */
    default AutoCloseable startExtras(RunningContext<C> context) {
        return () -> { };
    }
}
