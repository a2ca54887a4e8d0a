package io.vigil.runtime.health;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health report's reasoning on a Kafka Streams instance that is never started (no broker needed): what makes it
 * not ready (state restores) and not live (a thread that keeps dying), each with its reason, and the metrics of each.
 * The same checks against a real broker are in the standalone module's HealthTest.
 */
class ServiceHealthTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path stateDir;

    private KafkaStreams streams;
    private Admin admin;
    private StageHealth stage;
    private ServiceHealth health;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void create() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(builder.build(), props);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"));
        stage = new StageHealth("main", "health-test", "instance-a", streams, Duration.ofSeconds(60));
        health = new ServiceHealth("testsvc", List.of(stage), List.of("in", "out"), admin, registry, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        health.close();
        admin.close(Duration.ZERO);
        streams.close(Duration.ZERO);
    }

    @Test
    void aStoreBeingRestoredKeepsTheServiceAliveButNotReadyAndSaysHowMuchIsLeft() {
        TopicPartition changelog = new TopicPartition("health-test-store-changelog", 0);
        stage.restoreListener().onRestoreStart(changelog, "store", 0, 10_000);
        stage.restoreListener().onBatchRestored(changelog, "store", 4_000, 4_000);

        HealthReport report = health.report();

        assertThat(report.live()).isTrue();
        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).contains("main: restoring 1 state store partition(s), 6000 records left");
        assertThat(registry.get("vigil.restore.records.remaining").gauge().value()).isEqualTo(6_000);

        stage.restoreListener().onRestoreEnd(changelog, "store", 10_000);
        assertThat(health.report().reasons()).noneMatch(r -> r.contains("restoring"));
    }

    @Test
    void aStreamThreadThatKeepsDyingMakesTheServiceNotLiveWithTheLastError() {
        stage.threadFailed(NOW.minusSeconds(200), new IllegalStateException("x", new org.apache.kafka.common.errors.RecordTooLargeException("y")));
        stage.threadFailed(NOW.minusSeconds(100), new IllegalStateException("x", new org.apache.kafka.common.errors.RecordTooLargeException("y")));
        assertThat(health.report().live()).as("two failures are a fault and its retry").isTrue();

        stage.threadFailed(NOW.minusSeconds(1), new IllegalStateException("x", new org.apache.kafka.common.errors.RecordTooLargeException("y")));

        HealthReport report = health.report();
        assertThat(report.live()).isFalse();
        assertThat(report.body()).containsEntry("status", "DOWN");
        assertThat(report.reasons()).contains("main: a stream thread failed 3 times in the last 5 min (last error: RecordTooLargeException)");
        assertThat(registry.get("vigil.health.live").gauge().value()).isZero();
        assertThat(registry.get("vigil.stream.thread.failures.recent").tag("stage", "main").gauge().value()).isEqualTo(3);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 5; i++) {
            stage.threadFailed(NOW.minus(Duration.ofMinutes(6)), new IllegalStateException("old"));
        }

        assertThat(health.report().live()).isTrue();
    }

    @Test
    void aServiceThatCannotReachKafkaIsNotReadyButStaysAlive() {
        health.sample();

        HealthReport report = health.report();
        assertThat(report.live()).isTrue();
        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).anyMatch(r -> r.startsWith("cannot read topics and offsets from Kafka"));
    }
}
