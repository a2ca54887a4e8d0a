package io.vigil.detector;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.SignalType;

/** Vigil's own detector meters; Kafka Streams' meters are bound by the runtime. */
public final class DetectorMetrics {

    private final MeterRegistry registry;

    public DetectorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void messageIn() {
        registry.counter("vigil.messages.in").increment();
    }

    public void mediaFailure(String code) {
        registry.counter("vigil.media.failures", "code", code).increment();
    }

    public void detection(SignalType signal, String category) {
        registry.counter("vigil.detections", "signal", signal.name().toLowerCase(java.util.Locale.ROOT), "category", category).increment();
    }

    /** A bound of DetectorConfig.Limits was reached for a message (and recorded in its Detection). */
    public void limitApplied(String code) {
        registry.counter("vigil.limits.applied", "limit", code).increment();
    }

    public void allowListSuppression() {
        registry.counter("vigil.detections.suppressed", "reason", "allow_list").increment();
    }

    public void bankFlood(String bankId) {
        registry.counter("vigil.bank.floods", "bank", bankId).increment();
    }

    public void bankUpdate(String outcome) {
        registry.counter("vigil.bank.updates", "outcome", outcome).increment();
    }
}
