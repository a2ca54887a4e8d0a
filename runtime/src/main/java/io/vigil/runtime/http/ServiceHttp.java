package io.vigil.runtime.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.health.HealthReport;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP surface every service has: {@code /metrics} in Prometheus' text format, {@code /health} (liveness: 503 when
 * the service needs an operator or a restart) and {@code /health/ready} (readiness: 503 also while it rebalances,
 * restores state or cannot reach Kafka), both with the reasons in the body. Services add their own routes to the
 * returned server before it starts.
 */
public final class ServiceHttp {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private ServiceHttp() {
    }

    public static Javalin create(PrometheusMeterRegistry registry, Supplier<HealthReport> health,
                                 Consumer<JavalinConfig> serviceConfig) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            serviceConfig.accept(config);
        });
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        app.get("/health", ctx -> {
            HealthReport report = health.get();
            ctx.status(report.live() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report.body());
        });
        app.get("/health/ready", ctx -> {
            HealthReport report = health.get();
            ctx.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report.body());
        });
        return app;
    }

    public static void start(Javalin app, HttpSettings settings) {
        app.start(settings.host(), settings.port());
    }
}
