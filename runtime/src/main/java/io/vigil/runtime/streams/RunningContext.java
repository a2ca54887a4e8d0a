package io.vigil.runtime.streams;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What a service's extras can use while it runs: its configuration, streams (the first stage's), meters and HTTP server.
 *
 * @param advertisedEndpoint host:port by which peer instances reach this one (Streams' application.server)
 */
public record RunningContext<C>(C config, KafkaStreams streams, MeterRegistry registry, Javalin http, String advertisedEndpoint) {
}
