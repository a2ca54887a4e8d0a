package io.vigil.runtime.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The truth about a service for /health (live) and /health/ready: Kafka Streams' state, and what that state does not
 * show: a stream thread that keeps dying and being replaced, partitions that make no progress while records wait, topics
 * the service needs that do not exist, and state being restored. Each failing check comes with its reason, and each
 * check is a metric. A sampler reads the cluster (topics, committed offsets, end offsets) every few seconds.
 */
public final class ServiceHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceHealth.class);
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final String service;
    private final List<StageHealth> stages;
    private final Set<String> requiredTopics;
    private final Admin admin;
    private final Clock clock;
    private final ScheduledExecutorService sampler;
    private volatile Set<String> missingTopics = Set.of();
    private volatile String clusterProblem = null;

    public ServiceHealth(String service, List<StageHealth> stages, Collection<String> requiredTopics, Admin admin,
                         MeterRegistry registry, Clock clock) {
        this.service = service;
        this.stages = List.copyOf(stages);
        this.requiredTopics = Set.copyOf(requiredTopics);
        this.admin = admin;
        this.clock = clock;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, service + "-health");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("vigil.health.live", this, h -> h.report().live() ? 1 : 0)
                .description("1 while the service is alive (see /health for the reasons when it is not)").register(registry);
        Gauge.builder("vigil.health.ready", this, h -> h.report().ready() ? 1 : 0)
                .description("1 while the service is ready (see /health/ready)").register(registry);
        Gauge.builder("vigil.topics.missing", this, h -> h.missingTopics.size())
                .description("topics the service reads or writes that do not exist").register(registry);
        for (StageHealth stage : stages) {
            Tags tags = Tags.of("stage", stage.name());
            Gauge.builder("vigil.partitions.stalled", stage, s -> s.stalled().size()).tags(tags)
                    .description("assigned partitions with waiting records and no committed progress for the stall timeout")
                    .register(registry);
            Gauge.builder("vigil.stream.thread.failures.recent", stage, s -> s.threadFailures(clock.instant())).tags(tags)
                    .description("stream thread deaths in the last " + ThreadFailures.WINDOW.toMinutes() + " minutes")
                    .register(registry);
            Gauge.builder("vigil.restores.active", stage, StageHealth::restoresActive).tags(tags)
                    .description("state store partitions being restored").register(registry);
            Gauge.builder("vigil.restore.records.remaining", stage, StageHealth::restoreRecordsRemaining).tags(tags)
                    .description("changelog records left to restore").register(registry);
        }
    }

    /** Samples the cluster now and then every {@code interval}. */
    public void start(Duration interval) {
        sampler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sample() {
        Instant now = clock.instant();
        try {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> missing = new TreeSet<>(requiredTopics);
            missing.removeAll(existing);
            missingTopics = Set.copyOf(missing);
            for (StageHealth stage : stages) {
                stage.sample(admin, existing, ADMIN_TIMEOUT, now);
            }
            clusterProblem = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            clusterProblem = "cannot read topics and offsets from Kafka (" + cause.getClass().getSimpleName() + ")";
            LOG.debug("{} health sample failed", service, e);
        }
    }

    public HealthReport report() {
        Instant now = clock.instant();
        List<String> notLive = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        Map<String, String> states = new LinkedHashMap<>();
        for (StageHealth stage : stages) {
            states.put(stage.name(), stage.state().name());
            stage.assess(now, notLive, notReady);
        }
        Set<String> missing = missingTopics;
        if (!missing.isEmpty()) {
            notLive.add("missing topics: " + String.join(", ", missing)
                    + " (create them with `vigil topics create`, or set kafka.create-topics=true)");
        }
        String problem = clusterProblem;
        if (problem != null) {
            // A broker outage is not cured by restarting this service: not ready, but still alive.
            notReady.add(problem);
        }
        List<String> reasons = new ArrayList<>(notLive);
        reasons.addAll(notReady);
        return new HealthReport(service, notLive.isEmpty(), notLive.isEmpty() && notReady.isEmpty(), states, reasons);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
