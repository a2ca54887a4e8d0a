package io.vigil.detector.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.analysis.LimitApplied;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.TextScan;

import java.util.Locale;

/**
 * Scans the message text (or caption) for personal data and decides whether it exposes a third person. What one
 * message can cost is bounded: only the first {@code maxChars} characters are scanned, and at most {@code maxEntities}
 * entities are carried on (the exposure score is computed from all that were found); either bound, when reached, is
 * recorded on the message.
 */
public final class TextScanning {

    private final DoxxingDetector doxxing;
    private final int maxChars;
    private final int maxEntities;
    private final MeterRegistry registry;

    public TextScanning(DoxxingDetector doxxing, int maxChars, int maxEntities, MeterRegistry registry) {
        this.doxxing = doxxing;
        this.maxChars = maxChars;
        this.maxEntities = maxEntities;
        this.registry = registry;
    }

    public MessageAnalysis scan(MessageAnalysis message) {
        String text = message.event().getText();
        if (text == null || text.isBlank()) {
            return message;
        }
        MessageAnalysis scanned = message;
        if (text.length() > maxChars) {
            // Never split a surrogate pair: the cut text must stay valid UTF-16.
            int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            scanned = limit(scanned, new LimitApplied("text_truncated", "scanned the first " + end + " of "
                    + text.length() + " characters"));
            text = text.substring(0, end);
        }
        TextScan scan = doxxing.scan(text, message.countryHint(), message.followsImage());
        for (DetectedEntity entity : scan.entities()) {
            registry.counter("vigil.personal.data", "type", entity.type().name().toLowerCase(Locale.ROOT)).increment();
        }
        if (scan.doxxing()) {
            registry.counter("vigil.detections", "signal", "doxxing", "category", "doxxing").increment();
        }
        if (scan.entities().size() > maxEntities) {
            scanned = limit(scanned, new LimitApplied("entities_trimmed", "kept the first " + maxEntities + " of "
                    + scan.entities().size() + " personal-data entities (the score counts all of them)"));
            scan = new TextScan(scan.entities().subList(0, maxEntities), scan.score(), scan.doxxing(), scan.reasons());
        }
        return scanned.withText(scan);
    }

    private MessageAnalysis limit(MessageAnalysis message, LimitApplied limit) {
        registry.counter("vigil.limits.applied", "limit", limit.code()).increment();
        return message.withLimit(limit);
    }
}
