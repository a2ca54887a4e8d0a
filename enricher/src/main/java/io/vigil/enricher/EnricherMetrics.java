package io.vigil.enricher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The enricher's own meters, beside Kafka Streams' and the dead-letter counters. */
public final class EnricherMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary networkWait;
    private final Counter unavailable;
    private final Counter lateFacts;
    private final AtomicReference<Supplier<Number>> indexed = new AtomicReference<>(() -> 0);

    public EnricherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.networkWait = DistributionSummary.builder("vigil.network.wait.seconds")
                .description("How long messages waited in their chat's queue for the network memory").baseUnit("seconds")
                .register(registry);
        this.unavailable = registry.counter("vigil.network.unavailable");
        this.lateFacts = registry.counter("vigil.network.facts.late");
        registry.gauge("vigil.media.clusters.indexed", indexed, ref -> ref.get().get().doubleValue());
    }

    /** A policy rule fired; shadow rules are counted here and nowhere acted on. */
    public void ruleHit(String rule, boolean shadow) {
        registry.counter("vigil.policy.rule.hits", "rule", rule, "shadow", Boolean.toString(shadow)).increment();
    }

    public void released(long waitedMillis, boolean withoutFacts) {
        networkWait.record(waitedMillis / 1000.0);
        if (withoutFacts) {
            unavailable.increment();
        }
    }

    /** Facts that arrived for a message already released without them. */
    public void lateFacts() {
        lateFacts.increment();
    }

    public void lineage(String relation) {
        registry.counter("vigil.lineage.records", "relation", relation).increment();
    }

    public void stayDown(String change) {
        registry.counter("vigil.stay.down.entries", "change", change).increment();
    }

    /** Media clusters in the network task's in-memory index (0 on instances that do not hold the task). */
    public void clustersIndexed(Supplier<Number> count) {
        indexed.set(count);
    }
}
