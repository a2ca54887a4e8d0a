package io.vigil.detector.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.TextScan;

import java.util.Locale;

/** Scans the message text (or caption) for personal data and decides whether it exposes a third person. */
public final class TextScanning {

    private final DoxxingDetector doxxing;
    private final MeterRegistry registry;

    public TextScanning(DoxxingDetector doxxing, MeterRegistry registry) {
        this.doxxing = doxxing;
        this.registry = registry;
    }

    public MessageAnalysis scan(MessageAnalysis message) {
        String text = message.event().getText();
        if (text == null || text.isBlank()) {
            return message;
        }
        TextScan scan = doxxing.scan(text, message.countryHint(), message.followsImage());
        for (DetectedEntity entity : scan.entities()) {
            registry.counter("vigil.personal.data", "type", entity.type().name().toLowerCase(Locale.ROOT)).increment();
        }
        if (scan.doxxing()) {
            registry.counter("vigil.detections", "signal", "doxxing", "category", "doxxing").increment();
        }
        return message.withText(scan);
    }
}
