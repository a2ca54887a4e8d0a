package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;

import java.util.Objects;

/**
 * A recogniser's raw result, inside the process only: it carries the normalised clear value so that the detector
 * can hash it. {@link #toString()} never prints the value, so a finding that reaches a log by mistake leaks nothing.
 */
public final class Finding {

    private final EntityType type;
    private final int start;
    private final int end;
    private final double confidence;
    private final String format;
    private final String normalisedValue;
    private final String maskedPreview;

    public Finding(EntityType type, int start, int end, double confidence, String format,
                   String normalisedValue, String maskedPreview) {
        this.type = Objects.requireNonNull(type);
        this.start = start;
        this.end = end;
        this.confidence = Math.max(0.0, Math.min(1.0, confidence));
        this.format = Objects.requireNonNull(format);
        this.normalisedValue = Objects.requireNonNull(normalisedValue);
        this.maskedPreview = Objects.requireNonNull(maskedPreview);
    }

    public EntityType type() {
        return type;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public double confidence() {
        return confidence;
    }

    public String format() {
        return format;
    }

    /** The clear normalised value: for hashing only, never to be logged or stored. */
    public String normalisedValue() {
        return normalisedValue;
    }

    public String maskedPreview() {
        return maskedPreview;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return "Finding[" + type + " " + format + " [" + start + "," + end + ") conf=" + confidence + "]";
    }
}
