package io.vigil.runtime.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.runtime.config.HttpSettings;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP surface every service has: {@code /metrics} in Prometheus' text format and {@code /health} from the
 * Kafka Streams state. Services add their own routes to the returned server before it starts.
 */
public final class ServiceHttp {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private ServiceHttp() {
    }

    public static Javalin create(String service, PrometheusMeterRegistry registry, Supplier<KafkaStreams.State> state,
                                 Consumer<JavalinConfig> serviceConfig) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            serviceConfig.accept(config);
        });
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        app.get("/health", ctx -> {
            KafkaStreams.State current = state.get();
            boolean up = current == KafkaStreams.State.RUNNING || current == KafkaStreams.State.REBALANCING;
            ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("service", service, "status", up ? "UP" : "DOWN", "streams", current.name()));
        });
        app.get("/health/ready", ctx -> {
            KafkaStreams.State current = state.get();
            ctx.status(current == KafkaStreams.State.RUNNING ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("service", service, "streams", current.name()));
        });
        return app;
    }

    public static void start(Javalin app, HttpSettings settings) {
        app.start(settings.host(), settings.port());
    }
}
